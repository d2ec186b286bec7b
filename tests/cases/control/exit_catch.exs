# exit/1 caught with catch :exit
r = try do
  exit(:normal_reason)
catch
  :exit, reason -> {:exit_caught, reason}
end
IO.inspect(r)
r2 = try do
  exit({:shutdown, 5})
catch
  :exit, {:shutdown, n} -> n
end
IO.inspect(r2)
r3 = try do
  raise "an error"
catch
  :error, e -> {:error_kind, e.__struct__}
end
IO.inspect(r3)
r4 = try do
  :erlang.error(:badarg)
catch
  kind, reason -> {kind, reason}
end
IO.inspect(r4)
r5 = catch_exit = try do
  exit("string reason")
catch
  :exit, s -> String.upcase(s)
end
IO.inspect({r5, catch_exit})
