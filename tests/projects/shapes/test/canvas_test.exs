defmodule Shapes.CanvasTest do
  use ExUnit.Case
  alias Shapes.{Canvas, Circle, Rect}

  @moduletag :canvas

  setup context do
    {:ok, canvas} = Canvas.start_link(context.test)
    %{canvas: canvas}
  end

  test "counts what is drawn", %{canvas: canvas} do
    assert Canvas.draw(canvas, Rect.new(1, 1)) == 1
    assert Canvas.draw(canvas, %Circle{}) == 2
    assert [%Rect{}, %Circle{}] = Canvas.shapes(canvas)
  end

  test "sums the areas", %{canvas: canvas} do
    Canvas.draw(canvas, Rect.new(2, 5))
    Canvas.draw(canvas, Rect.new(1, 3))
    assert Canvas.covered(canvas) == 13
  end

  test "an empty canvas", %{canvas: canvas} do
    assert Canvas.covered(canvas) == 0
    refute Canvas.shapes(canvas) != []
  end
end
