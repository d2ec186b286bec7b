# The String.Chars protocol (to_string, interpolation) and its built-in
# implementations. The natives convert the built-in types directly and
# dispatch here for anything else (a struct).
defprotocol String.Chars do
  def to_string(term)
end

defimpl String.Chars, for: [Atom, BitString, Integer, Float, List] do
  def to_string(term), do: :phial.chars_to_string(term)
end
