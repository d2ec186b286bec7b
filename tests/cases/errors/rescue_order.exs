# rescue clauses are tried in order; variables and lists of modules
classify = fn f ->
  try do
    f.()
  rescue
    ArithmeticError -> :arith
    e in [KeyError, MatchError] -> {:lookup_or_match, e.__struct__}
    e in RuntimeError -> {:runtime, e.message}
    other -> {:other, other.__struct__}
  end
end
IO.inspect(classify.(fn -> 1 / 0 end))
IO.inspect(classify.(fn -> Map.fetch!(%{}, :a) end))
IO.inspect(classify.(fn -> {_} = {1, 2} end))
IO.inspect(classify.(fn -> raise "r" end))
IO.inspect(classify.(fn -> hd([]) end))
IO.inspect(classify.(fn -> :ok end))
