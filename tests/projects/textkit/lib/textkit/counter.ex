defmodule Textkit.Counter do
  # Counts words in a GenServer; tokens are Textkit.Token structs from
  # token.ex, which sorts after this file.
  use GenServer

  def start_link(_ \\ []), do: GenServer.start_link(__MODULE__, %{})
  def feed(pid, text), do: GenServer.call(pid, {:feed, text})
  def top(pid, n), do: GenServer.call(pid, {:top, n})

  @impl true
  def init(counts), do: {:ok, counts}

  @impl true
  def handle_call({:feed, text}, _from, counts) do
    tokens = Textkit.Tokenizer.tokens(text)
    counts = Enum.reduce(tokens, counts, fn %Textkit.Token{text: t}, acc -> Map.update(acc, t, 1, &(&1 + 1)) end)
    {:reply, length(tokens), counts}
  end

  def handle_call({:top, n}, _from, counts) do
    top = counts |> Enum.sort_by(fn {w, c} -> {-c, w} end) |> Enum.take(n)
    {:reply, top, counts}
  end
end
