defmodule Shapes.Circle do
  defstruct r: 1

  defimpl Shapes.Area do
    def area(%{r: r}), do: Float.round(3.14159 * r * r, 2)
  end

  defimpl String.Chars do
    def to_string(%{r: r}), do: "circle(#{r})"
  end
end
