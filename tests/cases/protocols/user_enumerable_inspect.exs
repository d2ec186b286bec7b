# A struct implementing Enumerable, Collectable, Inspect and String.Chars,
# used by Enum, for, Enum.into, inspect, IO.inspect and interpolation.
defmodule Deck do
  defstruct cards: []

  def new(cards), do: %Deck{cards: cards}

  defimpl Enumerable do
    def count(%Deck{cards: c}), do: {:ok, length(c)}
    def member?(%Deck{cards: c}, x), do: {:ok, x in c}
    def slice(_), do: {:error, __MODULE__}

    def reduce(_deck, {:halt, acc}, _fun), do: {:halted, acc}
    def reduce(deck, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(deck, &1, fun)}
    def reduce(%Deck{cards: []}, {:cont, acc}, _fun), do: {:done, acc}

    def reduce(%Deck{cards: [c | rest]}, {:cont, acc}, fun) do
      reduce(%Deck{cards: rest}, fun.(c, acc), fun)
    end
  end

  defimpl Collectable do
    def into(deck) do
      collector = fn
        %Deck{cards: c}, {:cont, card} -> %Deck{cards: c ++ [card]}
        d, :done -> d
        _, :halt -> :ok
      end

      {deck, collector}
    end
  end

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Deck{cards: cards}, opts) do
      concat(["#Deck<", to_doc(length(cards), opts), " cards: ", to_doc(cards, opts), ">"])
    end
  end

  defimpl String.Chars do
    def to_string(%Deck{cards: cards}), do: Enum.join(cards, " ")
  end
end

defmodule Main do
  def run do
    d = Deck.new([:ace, :king, :queen, :jack])
    IO.inspect(d)
    IO.puts(inspect(d))
    IO.puts("the deck: #{d}")
    IO.puts(d)
    IO.inspect([d, {:pair, Deck.new([:two])}])
    IO.inspect(%{deck: d}, label: "in a map")
    IO.inspect(Enum.count(d))
    IO.inspect(Enum.member?(d, :king))
    IO.inspect(Enum.map(d, &Atom.to_string/1))
    IO.inspect(Enum.take(d, 2))
    IO.inspect(Enum.sort(d))
    IO.inspect(Enum.reduce(d, 0, fn _, n -> n + 1 end))
    IO.inspect(Enum.with_index(d))
    IO.inspect(Enum.zip(d, 1..10))
    IO.inspect(Enum.find(d, &(&1 == :queen)))
    IO.inspect(for c <- d, c != :jack, do: c)
    IO.inspect(Enum.into([:joker], Deck.new([:ace])))
    IO.inspect(for c <- [:x, :y], into: Deck.new([]), do: c)
    IO.inspect(Enum.to_list(d) |> length())
    IO.inspect(Deck.new([]) |> Enum.empty?())
  end
end

Main.run()
