# MatchError messages for various failed matches
try_match = fn f ->
  try do
    f.()
  rescue
    e in MatchError -> IO.puts(Exception.message(e))
  end
end
try_match.(fn -> {:ok, _} = {:error, :enoent} end)
try_match.(fn -> [_, _] = [1, 2, 3] end)
try_match.(fn -> %{a: _} = %{b: 1} end)
try_match.(fn -> "abc" = "abd" end)
try_match.(fn -> 1 = 2.0 end)
try_match.(fn -> {a, a} = {1, 2}; a end)
try_match.(fn -> [h | _] = []; h end)
try_match.(fn -> :ok = nil end)
try_match.(fn -> {_} = {"long string value", 'chars', 1.5} end)
