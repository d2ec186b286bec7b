# defstruct in its forms, construction with defaults, update syntax,
# field access, equality with the map it is, and Map functions on structs.
defmodule Point do
  defstruct x: 0, y: 0
end

defmodule Labelled do
  @default "none"
  defstruct [:id, label: @default, tags: [], origin: %Point{}]
end

defmodule Run do
  def go do
    p = %Point{x: 3}
    IO.inspect(p)
    IO.inspect(%Point{p | y: 4})
    IO.inspect(%{p | x: 10})
    IO.inspect(p.x + p.y)
    IO.inspect(%Labelled{id: 1})
    IO.inspect(Labelled.__struct__())
    IO.inspect(Labelled.__struct__(id: 9, tags: [:a]))
    IO.inspect(p == %{__struct__: Point, x: 3, y: 0})
    IO.inspect(is_struct(p), label: "is_struct/1")
    IO.inspect(is_struct(p, Point), label: "is_struct/2")
    IO.inspect(is_struct(%{}), label: "plain map")
    IO.inspect(is_map(p))
    IO.inspect(Map.keys(p))
    IO.inspect(Map.from_struct(p))
    IO.inspect(Map.put(p, :x, 7))
    IO.inspect(Map.delete(p, :y))
    IO.inspect(Map.put(p, :z, 1))
    IO.inspect(struct(Point, x: 1, nope: 2))
    IO.inspect(struct(p, y: 5))
    IO.inspect(struct!(Point, %{y: 8}))
    IO.inspect(p, structs: false)
    IO.inspect(Point.__info__(:struct))

    try do
      struct!(Point, z: 1)
    rescue
      e in KeyError -> IO.puts("KeyError: " <> Exception.message(e))
    end

    try do
      %Point{%{x: 1} | x: 2}
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end

  # fields longer than a line break over several lines, in definition order
  def long do
    IO.inspect(%Labelled{id: String.duplicate("x", 40), tags: Enum.to_list(1..15)})
  end
end

Run.go()
Run.long()
