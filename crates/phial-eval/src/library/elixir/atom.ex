# Atom's phial half: the deprecated aliases. Not here: the conversions
# (atom.rs).
defmodule Atom do
  @moduledoc """
  Functions for atoms: constants whose value is their name, such as `:ok`.
  `true`, `false` and `nil` are atoms too.

      iex> Atom.to_string(:ok)
      "ok"
  """

  @doc """
  The old spelling of `to_charlist/1`.

      iex> Atom.to_char_list(:x)
      'x'
  """
  def to_char_list(atom)
  def to_char_list(atom), do: Atom.to_charlist(atom)
end
