# CaseClauseError fields and message
f = fn x ->
  case x do
    1 -> :one
  end
end
try do
  f.(%{key: [1, 2]})
rescue
  e in CaseClauseError ->
    IO.inspect(e.term)
    IO.puts(Exception.message(e))
    IO.inspect(e)
end
