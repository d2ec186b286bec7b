defmodule Shapes.Box do
  # Uses Shapes.Rect (defined in rect.ex, later in alphabetical order).
  alias Shapes.Rect

  def around(%Rect{w: w, h: h}, margin), do: %Rect{w: w + 2 * margin, h: h + 2 * margin}
  def square(side), do: %Rect{w: side, h: side}
end
