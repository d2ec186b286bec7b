# case with many kinds of clauses
describe = fn value ->
  case value do
    {:ok, result} -> "ok: #{inspect(result)}"
    {:error, reason} when is_atom(reason) -> "error atom: #{reason}"
    {:error, reason} -> "error: #{inspect(reason)}"
    [] -> "empty"
    [x] -> "one: #{x}"
    n when is_number(n) -> "number #{n}"
    _ -> "unknown"
  end
end
Enum.each([{:ok, [1]}, {:error, :closed}, {:error, "bad"}, [], [5], 3.5, :what], fn v ->
  IO.puts(describe.(v))
end)
res = case {1, 2} do
  {a, b} -> a + b
end
IO.inspect(res)
