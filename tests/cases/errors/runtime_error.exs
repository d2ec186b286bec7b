# RuntimeError: raise with a string, with a struct, with message:
try do
  raise "boom"
rescue
  e in RuntimeError ->
    IO.inspect(e)
    IO.puts(e.message)
    IO.puts(Exception.message(e))
end
try do
  raise RuntimeError
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  raise RuntimeError, "explicit"
rescue
  e -> IO.inspect(e)
end
e = RuntimeError.exception("built")
IO.inspect(e)
IO.inspect(is_exception(e))
IO.inspect(Exception.format(:error, e, []) |> String.split("\n") |> hd())
