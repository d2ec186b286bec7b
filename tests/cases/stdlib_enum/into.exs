# Enum.into/2,3
IO.inspect(Enum.into([a: 1, b: 2], %{}))
IO.inspect(Enum.into([{"k", :v}], %{existing: true}))
IO.inspect(Enum.into(1..3, []))
IO.inspect(Enum.into([1, 2], [0]))
IO.inspect(Enum.into(%{a: 1}, []))
IO.inspect(Enum.into([1, 2, 3], %{}, fn x -> {x, x * x} end))
try do
  Enum.into([1, 2], %{})
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
