# Where the BEAM puts the failed operator's BIF first in the stacktrace:
# always in evaluated top-level code, only where the JIT does not do the
# arithmetic inline in compiled module code.
defmodule Arith do
  def sub_from(x), do: 1 - x
  def sub_lit(x), do: x - 1
  def rem_by(x), do: rem(1, x)
  def square(x), do: x * x
  def double(x), do: 2 * x
  def add_self(x), do: x + x
  def add_lit(x), do: 1 + x
  def fdiv(x), do: 1 / x
  def idiv(x), do: div(1, x)
end

for {f, a} <- [sub_from: :a, sub_lit: :a, rem_by: 0, square: :a, double: nil,
               add_self: :a, add_lit: :a, fdiv: 0, idiv: 0] do
  try do
    apply(Arith, f, [a])
  rescue
    e ->
      {m, fun, args, _} = hd(__STACKTRACE__)
      IO.inspect({f, Exception.message(e), m, fun, args})
  end
end

x = :a
try do
  1 + x
rescue
  _ -> IO.inspect(Enum.take(hd(__STACKTRACE__) |> Tuple.to_list(), 3))
end
try do
  2 * x
rescue
  _ -> IO.inspect(Enum.take(hd(__STACKTRACE__) |> Tuple.to_list(), 3))
end
