# defprotocol/defimpl: dispatch on built-in types and structs, a list of
# types in for:, impl_for, __protocol__, and the error for a missing impl.
defprotocol Size do
  @doc "How big a thing is"
  def size(data)
  def describe(data, prefix)
end

defimpl Size, for: [List, Map] do
  def size(data), do: Enum.count(data)
  def describe(data, prefix), do: "#{prefix} collection of #{size(data)}"
end

defimpl Size, for: BitString do
  def size(s), do: byte_size(s)
  def describe(s, prefix), do: "#{prefix} string #{inspect(s)}"
end

defmodule Shelf do
  defstruct books: []

  defimpl Size do
    def size(%Shelf{books: b}), do: length(b)
    def describe(shelf, prefix), do: "#{prefix} shelf with #{size(shelf)} books"
  end
end

defmodule Main do
  def run do
    for x <- [[1, 2, 3], %{a: 1}, "héllo", %Shelf{books: [:a, :b]}] do
      IO.puts("#{Size.size(x)} / #{Size.describe(x, "a")}")
    end

    IO.inspect(Size.impl_for([]))
    IO.inspect(Size.impl_for(%Shelf{}))
    IO.inspect(Size.impl_for(1))
    IO.inspect(Size.__protocol__(:functions))
    IO.inspect(Size.__protocol__(:module))
    IO.inspect(Size.Shelf.__impl__(:for))
    IO.inspect(Size.Shelf.__impl__(:protocol))

    for bad <- [42, {:a}, :atom] do
      try do
        Size.size(bad)
      rescue
        e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
      end
    end
  end
end

Main.run()
