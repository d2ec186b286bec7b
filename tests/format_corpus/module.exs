defmodule Shape do
  @moduledoc """
  Shapes.
  """

  @type t :: {:circle, number} | {:square, number}

  # Areas of shapes.
  @spec area(t) :: number
  def area({:circle, r}), do: 3.14 * r * r
  def area({:square, s}),   do: s*s

  defp helper(a,b) when is_integer(a) and is_integer(b) do
    a + b
  end
end
