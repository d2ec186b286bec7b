# attributes computed when the module is compiled: library calls, other
# attributes, closures, modules defined earlier; read in bodies, guards
# and patterns; accumulating attributes; redefinition
defmodule Config.Defaults do
  def port, do: 4000
end

defmodule Config do
  @port Config.Defaults.port() + 1
  @hosts ~w(alpha beta gamma) |> Enum.map(&String.to_atom/1)
  @index @hosts |> Enum.with_index() |> Map.new()
  @squares for(n <- 1..5, do: {n, n * n}) |> Map.new()
  @upcase &String.upcase/1
  @banner "listening on #{@port}"
  @limit 3

  def port, do: @port
  def hosts, do: @hosts
  def index(h), do: Map.fetch(@index, h)
  def square(n), do: @squares[n]
  def shout(s), do: @upcase.(s)
  def banner, do: @banner

  def known?(h) when h in @hosts, do: true
  def known?(_), do: false

  def capped(n) when n > @limit, do: @limit
  def capped(n), do: n

  def limit?(@limit), do: :at_limit
  def limit?(_), do: :not

  Module.register_attribute(__MODULE__, :step, accumulate: true)
  @step :parse
  @step :check
  @step {:emit, [to: :stdout]}
  def steps, do: @step

  @version 1
  def v1, do: @version
  @version @version * 10
  def v2, do: @version
end

IO.inspect(Config.port())
IO.inspect(Config.hosts())
IO.inspect({Config.index(:beta), Config.index(:delta)})
IO.inspect(Config.square(4))
IO.puts(Config.shout("quiet"))
IO.puts(Config.banner())
IO.inspect(Enum.map([:alpha, :omega], &Config.known?/1))
IO.inspect(Enum.map([1, 3, 9], &Config.capped/1))
IO.inspect({Config.limit?(3), Config.limit?(4)})
IO.inspect(Config.steps())
IO.inspect({Config.v1(), Config.v2()})
