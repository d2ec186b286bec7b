# An uncaught MatchError at top level
IO.puts("start")
{:ok, _} = {:error, :nope}
IO.puts("unreachable")
