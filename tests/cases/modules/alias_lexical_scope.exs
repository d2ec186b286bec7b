# alias: plain, `as:`, nested modules' short names, scoping to the
# enclosing function or module, and what the directive returns
defmodule Geo.Shapes.Circle do
  def area(r), do: 3 * r * r
  def name, do: __MODULE__
end

defmodule Geo.Shapes.Square do
  def area(s), do: s * s
end

defmodule Geo.Report do
  alias Geo.Shapes.Circle
  alias Geo.Shapes.Square, as: Sq

  defmodule Line do
    def fmt(label, v), do: "#{label}=#{v}"
  end

  def run do
    [Line.fmt("circle", Circle.area(2)), Line.fmt("square", Sq.area(3))]
  end

  def names, do: {Circle.name(), Sq, Line}

  def local_alias do
    alias Geo.Shapes.Circle, as: C
    C.area(1)
  end

  # the alias made inside local_alias/0 does not reach here
  def no_leak, do: C
end

IO.inspect(Geo.Report.run())
IO.inspect(Geo.Report.names())
IO.inspect(Geo.Report.local_alias())
IO.inspect(Geo.Report.no_leak())
IO.inspect(alias Geo.Shapes.Square)
IO.inspect(Square.area(5))
IO.inspect(Square == Geo.Shapes.Square)
# the aliased name inside a struct-free pattern and a capture
area = &Square.area/1
IO.inspect(area.(4))
case Geo.Shapes.Square do
  Square -> IO.puts("matched the alias")
end

# alias __MODULE__ and __MODULE__.Sub
defmodule Geo.Point do
  alias __MODULE__
  alias __MODULE__.Polar, as: P

  defmodule Polar do
    def from({x, y}), do: {:polar, x + y}
  end

  def new(x, y), do: {Point, x, y}
  def polar(p), do: {P.from(p), __MODULE__.Polar.from(p), __MODULE__.Polar}
end

IO.inspect(Geo.Point.new(1, 2))
IO.inspect(Geo.Point.polar({3, 4}))
