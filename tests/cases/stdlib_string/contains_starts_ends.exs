# String.contains?/2, String.starts_with?/2, String.ends_with?/2
s = "hello world"
IO.inspect(String.contains?(s, "lo w"))
IO.inspect(String.contains?(s, ["xyz", "wor"]))
IO.inspect(String.contains?(s, ""))
IO.inspect(String.starts_with?(s, "hell"))
IO.inspect(String.starts_with?(s, ["x", "he"]))
IO.inspect(String.ends_with?(s, "world"))
IO.inspect(String.ends_with?(s, "World"))
try do
  String.contains?(s, :lo)
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
try do
  String.starts_with?(nil, "a")
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
