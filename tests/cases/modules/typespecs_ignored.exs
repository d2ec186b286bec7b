# Typespecs and their documentation have no run-time effect: every form
# parses and the module compiles and runs.
defmodule Shapes do
  @moduledoc "Areas of shapes."
  @typedoc since: "1.0.0"
  @type shape :: {:circle, number} | {:rect, number, number} | nil
  @typep scale :: %{required(atom) => number, optional(binary) => [number]}
  @opaque handle :: reference() | pid()
  @callback area(shape) :: number | :error
  @macrocallback m(Macro.t()) :: Macro.t()
  @optional_callbacks [m: 1]
  @type fun_any :: (... -> any) | [...] | <<_::8, _::_*8>>

  @doc "The area."
  @spec area(shape) :: number | :error when number: integer | float
  def area({:circle, r}), do: 3 * r * r
  def area({:rect, w, h}), do: w * h
  def area(_), do: :error

  @spec twice(x :: integer) :: integer
  def twice(x), do: x * 2
end

IO.inspect(Shapes.area({:circle, 2}))
IO.inspect(Shapes.area({:rect, 2, 5}))
IO.inspect(Shapes.area(nil))
IO.inspect(Shapes.twice(21))
