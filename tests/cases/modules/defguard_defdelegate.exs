# defguard/defguardp in guards and bodies, through import and require,
# and defdelegate with and without as:
defmodule Num.Guards do
  defguard is_pos(n) when is_number(n) and n > 0
  defguard is_small(n) when is_integer(n) and n in 0..9
  defguard is_pos_small(n) when is_pos(n) and is_small(n)
  defguardp is_zero(n) when n === 0

  def kind(n) when is_zero(n), do: :zero
  def kind(n) when is_pos_small(n), do: :digit
  def kind(n) when is_pos(n), do: :positive
  def kind(_), do: :other

  def zero?(n), do: is_zero(n)
end

defmodule Num.Text do
  def describe(n), do: "#{n} is #{Num.Guards.kind(n)}"
  def shout(s, suffix \\ "!"), do: String.upcase(s) <> suffix
end

defmodule Num.Api do
  import Num.Guards
  require Num.Guards

  defdelegate kind(n), to: Num.Guards
  defdelegate describe(n), to: Num.Text, as: :describe
  defdelegate loud(s), to: Num.Text, as: :shout
  defdelegate loud(s, suffix), to: Num.Text, as: :shout

  def only_pos(list), do: Enum.filter(list, fn x when is_pos(x) -> true; _ -> false end)
  def remote(x) when Num.Guards.is_small(x), do: :small
  def remote(_), do: :big
  def in_body(x), do: {is_pos(x), Num.Guards.is_small(x)}
end

IO.inspect(Enum.map([0, 3, 12, -4, 2.5, :a], &Num.Api.kind/1))
IO.puts(Num.Api.describe(7))
IO.puts(Num.Api.loud("hey"))
IO.puts(Num.Api.loud("hey", "?"))
IO.inspect(Num.Api.only_pos([-1, 2, 0, 5]))
IO.inspect({Num.Api.remote(3), Num.Api.remote(30)})
IO.inspect(Num.Api.in_body(4))
IO.inspect(Num.Guards.zero?(0))
IO.inspect(function_exported?(Num.Api, :loud, 2))
IO.inspect(function_exported?(Num.Guards, :is_pos, 1))

# the library's own guard macros
require Integer
parity = fn
  n when Integer.is_even(n) -> :even
  n when Integer.is_odd(n) -> :odd
  _ -> :neither
end
IO.inspect(Enum.map([4, 7, 2.0, -3], parity))
