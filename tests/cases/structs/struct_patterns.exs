# Struct patterns in heads, case and =, including %name{} and %_{}
defmodule Cat do
  defstruct name: "", lives: 9
end

defmodule Dog do
  defstruct name: "", good: true
end

defmodule Pets do
  def greet(%Cat{name: n, lives: l}) when l > 1, do: "#{n} has #{l} lives"
  def greet(%Cat{name: n}), do: "#{n} is on its last life"
  def greet(%Dog{good: true} = d), do: "#{d.name} is good"
  def greet(%_{}), do: "some struct"
  def greet(_), do: "not a struct"

  def kind(%kind{}), do: kind

  def run do
    for pet <- [%Cat{name: "Tom"}, %Cat{name: "Ada", lives: 1}, %Dog{name: "Rex"}, %Dog{name: "Bo", good: false}, %{}, 3] do
      IO.puts(greet(pet))
    end

    IO.inspect(Enum.map([%Cat{}, %Dog{}], &kind/1))
    %Cat{name: name} = %Cat{name: "Zed"}
    IO.inspect(name)

    case %Dog{name: "Fido"} do
      %Cat{} -> IO.puts("a cat")
      %Dog{name: "Fido" <> _} -> IO.puts("a Fido")
    end

    try do
      %Cat{} = %Dog{}
    rescue
      e in MatchError -> IO.puts(Exception.message(e))
    end
  end
end

Pets.run()
