# guards may call guard-safe functions of an imported module, and its
# operators, and test membership in a literal stepped range
defmodule Flags do
  import Bitwise

  def kind(x) when band(x, 1) == 1, do: :odd
  def kind(x) when (x &&& 6) == 6, do: :six_bits
  def kind(_), do: :other

  def odd_digit?(d) when d in 1..9//2, do: true
  def odd_digit?(_), do: false

  def down?(d) when d in 10..1//-3, do: true
  def down?(_), do: false
end

IO.inspect(Enum.map([3, 6, 14, 8], &Flags.kind/1))
IO.inspect(Enum.filter(0..10, &Flags.odd_digit?/1))
IO.inspect(Enum.filter(0..11, &Flags.down?/1))
