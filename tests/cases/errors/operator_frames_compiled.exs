# Which operator failures in compiled module code put the `:erlang` BIF
# first in the stacktrace (variables as operands), and which the JIT
# does inline (a literal number operand of + and -, any /).
defmodule Ops do
  def add(a, b), do: a + b
  def inc(a), do: a + 1
  def inc2(a), do: 1 + a
  def sub(a, b), do: a - b
  def dec(a), do: a - 1
  def dec2(a), do: 1 - a
  def mul(a, b), do: a * b
  def dbl(a), do: 2 * a
  def dv(a, b), do: a / b
  def fl(a), do: a + 1.5
  def neg(a), do: -a
  def band(a), do: Bitwise.band(a, 1)
  def r(a), do: rem(a, 0)
end

show = fn label, f ->
  try do
    f.()
  rescue
    e ->
      [first, second | _] = __STACKTRACE__
      IO.puts(label <> ": " <> Exception.message(e))
      IO.inspect(first)
      IO.puts(Exception.format_stacktrace([first, second]))
  end
end

show.("add 5 atom", fn -> Ops.add(5, :atom) end)
show.("add atom 5", fn -> Ops.add(:atom, 5) end)
show.("add atoms", fn -> Ops.add(:a, :b) end)
show.("inc", fn -> Ops.inc(:atom) end)
show.("inc2", fn -> Ops.inc2(:atom) end)
show.("sub 5 atom", fn -> Ops.sub(5, :atom) end)
show.("dec", fn -> Ops.dec(:atom) end)
show.("dec2", fn -> Ops.dec2(:atom) end)
show.("mul", fn -> Ops.mul(5, :atom) end)
show.("dbl", fn -> Ops.dbl(:atom) end)
show.("dv", fn -> Ops.dv(5, 0) end)
show.("fl", fn -> Ops.fl(:atom) end)
show.("neg", fn -> Ops.neg(:atom) end)
show.("band", fn -> Ops.band(:atom) end)
show.("rem", fn -> Ops.r(7) end)
