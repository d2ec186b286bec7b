# get_in/put_in/update_in/pop_in with key lists, accessors and the path form
defmodule User do
  defstruct name: "", address: %{city: "", zip: nil}, tags: []
end

defmodule M do
  def run do
    data = %{a: %{b: [1, 2, 3]}, kw: [x: 1, y: [z: 2]]}
    IO.inspect(get_in(data, [:a, :b]))
    IO.inspect(get_in(data, [:kw, :y, :z]))
    IO.inspect(get_in(data, [:missing, :deeper]))
    IO.inspect(put_in(data, [:a, :c], 0))
    IO.inspect(update_in(data, [:a, :b, Access.at(0)], &(&1 * 100)))
    IO.inspect(get_in(data, [:a, :b, Access.all()]))
    IO.inspect(update_in(data, [:a, :b, Access.filter(&(&1 > 1))], &(-&1)))
    IO.inspect(get_and_update_in(data, [:kw, :x], &{&1, &1 + 1}))
    IO.inspect(pop_in(data, [:a, :b]))
    IO.inspect(get_in({1, {2, 3}}, [Access.elem(1), Access.elem(0)]))

    u = %User{name: "ann", address: %{city: "Oslo", zip: "0150"}}
    IO.inspect(put_in(u.address.city, "Bergen"))
    IO.inspect(update_in(u.tags, &[:new | &1]))
    IO.inspect(get_in(u, [Access.key(:address), Access.key(:zip)]))
    IO.inspect(put_in(u, [Access.key!(:address), :zip], "5003"))
    IO.inspect(put_in(data[:a][:b], :replaced))

    try do
      u[:name]
    rescue
      e in UndefinedFunctionError -> IO.puts(Exception.message(e))
    end

    try do
      put_in(u, [Access.key!(:nope)], 1)
    rescue
      e in KeyError -> IO.puts(Exception.message(e))
    end
  end
end

M.run()
