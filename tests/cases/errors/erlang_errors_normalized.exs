# Erlang error atoms become Elixir exceptions
show = fn f ->
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
show.(fn -> :erlang.error(:badarg) end)
show.(fn -> :erlang.error(:badarith) end)
show.(fn -> :erlang.error({:badmatch, 3}) end)
show.(fn -> :erlang.error({:case_clause, 4}) end)
show.(fn -> :erlang.error({:badkey, :k}) end)
show.(fn -> :erlang.error(:some_other_reason) end)
show.(fn -> :erlang.error({:badfun, 1}) end)
