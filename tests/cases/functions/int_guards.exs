# Guards comparing a variable with an integer literal, either way round,
# for integers and for the other terms they order against
defmodule G do
  def gt(k) when k > 1, do: :gt
  def gt(_), do: :no
  def flipped(k) when 1 < k, do: :gt
  def flipped(_), do: :no
  def le(k) when 2 >= k, do: :le
  def le(_), do: :no
  def eq(k) when k == 3, do: :eq
  def eq(_), do: :no
  def ne(k) when 3 != k, do: :ne
  def ne(_), do: :no
  def strict(k) when k === 3, do: :strict
  def strict(_), do: :no
end

for v <- [0, 1, 2, 3, 1.5, 3.0, -7, :atom, "s", [1], {1}] do
  IO.inspect({v, G.gt(v), G.flipped(v), G.le(v), G.eq(v), G.ne(v), G.strict(v)})
end
