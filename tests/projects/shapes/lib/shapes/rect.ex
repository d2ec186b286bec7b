defmodule Shapes.Rect do
  defstruct w: 0, h: 0

  def new(w, h) when w >= 0 and h >= 0, do: %__MODULE__{w: w, h: h}
end

defimpl Shapes.Area, for: Shapes.Rect do
  def area(%Shapes.Rect{w: w, h: h}), do: w * h
end
