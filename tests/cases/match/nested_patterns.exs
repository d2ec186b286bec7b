# Deeply nested patterns
data = {:user, %{name: "Bo", roles: [:admin, :dev], meta: {:created, {2024, 1, 2}}}}
{:user, %{name: name, roles: [first_role | _], meta: {:created, {year, _, day}}}} = data
IO.inspect({name, first_role, year, day})
[{:a, [x, y]}, {:b, %{z: z}}] = [{:a, [1, 2]}, {:b, %{z: 3}}]
IO.inspect(x + y + z)
[[a | _], [_, b]] = [[1, 2, 3], [4, 5]]
IO.inspect({a, b})
{[_ | [second | _]], _} = {[10, 20, 30], nil}
IO.inspect(second)
%{outer: %{inner: %{deep: d}}} = %{outer: %{inner: %{deep: :found}}}
IO.inspect(d)
[{k, v} | _] = [a: 1, b: 2]
IO.inspect({k, v})
