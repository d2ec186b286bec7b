# Atoms that need quotes and those that don't
atoms = [:a, :snake_case, :CamelCase, :"with space", :"123", :"1a", :a1, :ok?, :done!, :"?q", :"a-b", :"a.b", :Elixir, :"Elixir.Foo", :"Elixir.foo", :"foo@bar", :@, :+, :-, :"++", :<>, :===, :|>, :"&&", :"", :"é", :nil, :true, :"\n", :"\"", :__MODULE__, :_x, :"Ab.Cd", :"Elixir.Ab.Cd", :"Elixir.ab"]
for a <- atoms, do: IO.puts(inspect(a))
IO.inspect([{:"with space", 1}, {:ok?, 2}, {:"123", 3}, {:a@b, 4}])
IO.inspect(%{"a b": 1, c: 2})
