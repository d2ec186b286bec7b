# Pattern matching in function heads
defmodule Shapes do
  def area({:square, s}), do: s * s
  def area({:rect, w, h}), do: w * h
  def area({:circle, r}) when r >= 0, do: 3 * r * r
  def area(_), do: :unknown

  def describe([]), do: "empty"
  def describe([_]), do: "one"
  def describe([_, _ | _]), do: "many"

  def greet(%{name: name, lang: :fr}), do: "Bonjour #{name}"
  def greet(%{name: name}), do: "Hello #{name}"

  def same(x, x), do: true
  def same(_, _), do: false
end
IO.inspect(Shapes.area({:square, 3}))
IO.inspect(Shapes.area({:rect, 2, 5}))
IO.inspect(Shapes.area({:circle, 2}))
IO.inspect(Shapes.area(:blob))
IO.inspect(Enum.map([[], [1], [1, 2, 3]], &Shapes.describe/1))
IO.puts(Shapes.greet(%{name: "Zoé", lang: :fr}))
IO.puts(Shapes.greet(%{name: "Sam", lang: :en}))
IO.inspect(Shapes.same(1, 1))
IO.inspect(Shapes.same(1, 1.0))
IO.inspect(Shapes.same([1], [1]))
