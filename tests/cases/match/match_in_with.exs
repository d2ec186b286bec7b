# Patterns in with clauses, including guards and bare expressions
parse = fn map ->
  with {:ok, name} when is_binary(name) <- Map.fetch(map, :name),
       {:ok, age} <- Map.fetch(map, :age),
       true <- age >= 18,
       doubled = age * 2 do
    {:adult, name, doubled}
  else
    :error -> :missing_field
    false -> :minor
    {:ok, other} -> {:bad_name, other}
  end
end
IO.inspect(parse.(%{name: "Al", age: 40}))
IO.inspect(parse.(%{name: "Al"}))
IO.inspect(parse.(%{name: "Kid", age: 9}))
IO.inspect(parse.(%{name: :atom, age: 30}))
r = with [a, b] <- [1, 2], {x, _} <- {a + b, :ignored}, do: x
IO.inspect(r)
r2 = with [a, b] <- [1, 2, 3], do: a + b
IO.inspect(r2)
