# Attributes redefined between functions keep the value at that point
defmodule Versions do
  @v 1
  def first, do: @v
  @v 2
  def second, do: @v
  @v @v * 10
  def third, do: @v
end
IO.inspect({Versions.first(), Versions.second(), Versions.third()})
