# The Collectable protocol (Enum.into, for ... into:) and its built-in
# implementations. The natives collect into the built-in types directly and
# dispatch here for anything else.
defprotocol Collectable do
  def into(collectable)
end

defimpl Collectable, for: List do
  def into(list) do
    fun = fn
      acc, {:cont, x} -> [x | acc]
      acc, :done -> list ++ :lists.reverse(acc)
      _acc, :halt -> :ok
    end

    {[], fun}
  end
end

defimpl Collectable, for: Map do
  def into(map) do
    fun = fn
      acc, {:cont, {k, v}} -> Map.put(acc, k, v)
      acc, :done -> acc
      _acc, :halt -> :ok
    end

    {map, fun}
  end
end

defimpl Collectable, for: BitString do
  def into(binary) do
    fun = fn
      acc, {:cont, x} when is_bitstring(x) -> <<acc::bitstring, x::bitstring>>
      acc, :done -> acc
      _acc, :halt -> :ok
    end

    {binary, fun}
  end
end

defimpl Collectable, for: MapSet do
  def into(set) do
    fun = fn
      s, {:cont, x} -> MapSet.put(s, x)
      s, :done -> s
      _s, :halt -> :ok
    end

    {set, fun}
  end
end

defimpl Collectable, for: File.Stream do
  def into(stream), do: File.Stream.__into__(stream)
end
