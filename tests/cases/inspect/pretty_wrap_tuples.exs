# Tuples break after the first element when too wide
IO.inspect({:ok, Enum.to_list(1..30)})
IO.inspect({:error, "a fairly long reason string that goes on", %{code: 500, retry: false}})
IO.inspect({:a, :b, :c})
IO.inspect(Enum.map(1..6, fn i -> {i, String.duplicate("x", i * 3)} end))
IO.inspect({:nested, {:inner, Enum.to_list(1..35)}})
IO.inspect([ok: Enum.to_list(1..30), error: "x"])
