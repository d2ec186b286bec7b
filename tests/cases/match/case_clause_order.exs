# The first matching clause wins; guards with multiple conditions
check = fn x ->
  case x do
    n when is_integer(n) and n > 10 -> "big"
    n when is_integer(n) when is_float(n) -> "number"
    {:ok, _} = t -> "ok tuple #{inspect(t)}"
    _ -> "other"
  end
end
IO.puts(check.(50))
IO.puts(check.(5))
IO.puts(check.(5.5))
IO.puts(check.({:ok, 1}))
IO.puts(check.("s"))
