# Underscore, literals and mixed patterns in case
test = fn v ->
  case v do
    0 -> "zero int"
    0.0 -> "zero float"
    "0" -> "zero string"
    '0' -> "zero charlist"
    :zero -> "zero atom"
    [] -> "empty list"
    {} -> "empty tuple"
    [_ | _] -> "non-empty list"
    {_, _} -> "pair"
    _whatever -> "something else"
  end
end
for v <- [0, 0.0, "0", '0', :zero, [], {}, [1], {1, 2}, 3.5], do: IO.puts(test.(v))
{_, _, third} = {1, 2, 3}
IO.inspect(third)
[_, _ | _] = [1, 2]
IO.puts("at least two")
