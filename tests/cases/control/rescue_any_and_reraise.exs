# rescue everything, reraise, nested try
f = fn ->
  try do
    raise "inner"
  rescue
    e -> reraise e, __STACKTRACE__
  end
end
try do
  f.()
rescue
  e -> IO.puts("outer got: " <> Exception.message(e))
end
res = try do
  try do
    raise ArgumentError, "first"
  after
    IO.puts("inner after")
  end
rescue
  e in ArgumentError -> "rescued #{e.message}"
end
IO.puts(res)
try do
  raise KeyError, key: :k, term: %{}
rescue
  e in KeyError -> IO.puts(Exception.message(e))
end
