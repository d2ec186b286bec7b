# put_in/update_in/get_and_update_in/pop_in given a path written as
# field and bracket accesses, on maps, keyword lists and structs
defmodule Player do
  defstruct name: "", stats: %{hp: 10, mp: 3}, tags: []
end

defmodule Game do
  def run do
    p = %Player{name: "ada"}
    p = put_in(p.stats.hp, 7)
    IO.inspect(p.stats)
    p = update_in(p.stats[:mp], &(&1 * 5))
    IO.inspect(p.stats)
    p = update_in(p.tags, &[:new | &1])
    IO.inspect(p.tags)
    {old, p} = get_and_update_in(p.stats.hp, fn hp -> {hp, hp + 1} end)
    IO.inspect({old, p.stats.hp})

    world = %{players: %{"ada" => p}, log: [level: :info]}
    world = put_in(world[:players]["ada"].name, "Ada")
    IO.inspect(world.players["ada"].name)
    {lvl, world} = pop_in(world[:log][:level])
    IO.inspect({lvl, world.log})
    {missing, _} = pop_in(world[:nothing][:here])
    IO.inspect(missing)

    try do
      put_in(world.nope.deeper, 1)
    rescue
      e in KeyError -> IO.inspect(e.key)
    end
  end
end

Game.run()
