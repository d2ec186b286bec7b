defmodule Shapes.BoxTest do
  use ExUnit.Case
  alias Shapes.{Box, Rect}

  setup_all do
    %{base: Rect.new(2, 3)}
  end

  setup %{base: base} do
    {:ok, boxed: Box.around(base, 1)}
  end

  test "adds the margin on both sides", %{boxed: boxed} do
    assert boxed == %Rect{w: 4, h: 5}
  end

  @tag :slow
  test "squares grow evenly" do
    sizes = for side <- 1..50, do: Box.square(side) |> Box.around(2) |> Map.fetch!(:w)
    assert Enum.take(sizes, 3) == [5, 6, 7]
    assert List.last(sizes) == 54
  end
end
