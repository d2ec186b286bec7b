# The List.Chars protocol (to_charlist) and its built-in implementations.
defprotocol List.Chars do
  def to_charlist(term)
end

defimpl List.Chars, for: [Atom, BitString, Integer, Float, List] do
  def to_charlist(term), do: Kernel.to_charlist(term)
end
