# Module attributes as constants
defmodule Config do
  @default_port 4000
  @hosts ["a.example", "b.example"]
  @limits %{max: 10, min: 1}
  @greeting "hi"
  @greeting "hello"

  def port, do: @default_port
  def hosts, do: @hosts
  def max, do: @limits.max
  def greeting, do: @greeting
  def scaled(x), do: x * @limits[:max]
end
IO.inspect(Config.port())
IO.inspect(Config.hosts())
IO.inspect(Config.max())
IO.inspect(Config.greeting())
IO.inspect(Config.scaled(4))
