# A module of the program's own that shares a name with a library one:
# direct calls, apply/3, captures and a module in a variable all resolve
# the same way.
defmodule Text.Tools do
  def upcase(s), do: "tools:" <> s
end

defmodule Use do
  def run do
    m = Text.Tools
    IO.inspect(Text.Tools.upcase("a"))
    IO.inspect(apply(Text.Tools, :upcase, ["b"]))
    IO.inspect((&Text.Tools.upcase/1).("c"))
    IO.inspect(m.upcase("d"))
    IO.inspect(Enum.map(["e"], &Text.Tools.upcase/1))
    IO.inspect(function_exported?(Text.Tools, :upcase, 1))
    IO.inspect(Text.Tools.__info__(:functions))
  end
end

Use.run()
