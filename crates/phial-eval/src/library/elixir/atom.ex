# Atom's phial half: the deprecated aliases. Not here: the conversions
# (atom.rs).
defmodule Atom do
  def to_char_list(atom), do: Atom.to_charlist(atom)
end
