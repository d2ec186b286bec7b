# Streams are lazy and interleave side effects element by element
log = fn tag -> fn x -> IO.puts("#{tag} #{x}"); x end end

s = 1..4 |> Stream.map(log.("a")) |> Stream.filter(&(rem(&1, 2) == 0)) |> Stream.map(log.("b"))
IO.puts("built")
IO.inspect(Enum.to_list(s))
IO.inspect(Enum.take(s, 1))

Stream.iterate(1, &(&1 * 3)) |> Stream.map(log.("pow")) |> Enum.find(&(&1 > 10)) |> IO.inspect()
IO.inspect(Stream.cycle([:x, :y]) |> Enum.take(5))
IO.inspect(Stream.unfold(5, fn 0 -> nil; n -> {n, n - 1} end) |> Enum.to_list())
IO.inspect(Stream.repeatedly(fn -> :r end) |> Enum.take(2))
IO.inspect(1..10 |> Stream.chunk_every(3) |> Enum.to_list())
IO.inspect(1..10 |> Stream.chunk_every(3, 3, :discard) |> Enum.to_list())
IO.inspect(1..6 |> Stream.chunk_every(2, 1, :discard) |> Enum.to_list())
IO.inspect([1, 1, 2, 2, 1] |> Stream.dedup() |> Enum.to_list())
IO.inspect([3, 1, 3, 2, 1] |> Stream.uniq() |> Enum.to_list())
IO.inspect(Stream.zip([1, 2, 3], Stream.cycle([:a, :b])) |> Enum.to_list())
IO.inspect(Stream.with_index([:a, :b], 1) |> Enum.to_list())
IO.inspect(Stream.scan(1..5, &(&1 + &2)) |> Enum.to_list())
IO.inspect(Stream.transform(1..6, 0, fn x, acc -> if acc > 6, do: {:halt, acc}, else: {[x, x * 10], acc + x} end) |> Enum.to_list())
IO.inspect(Stream.concat([1..2, [3], Stream.map([4], &(&1 * 1))]) |> Enum.to_list())
IO.inspect(Stream.take_while(1..100, &(&1 < 4)) |> Enum.to_list())
IO.inspect(Stream.drop(1..5, 2) |> Enum.to_list())
IO.inspect(Stream.intersperse([1, 2, 3], 0) |> Enum.to_list())
IO.inspect(Stream.flat_map([1, 2], &[&1, &1]) |> Enum.to_list())
IO.inspect(Stream.each([1, 2], log.("each")) |> Stream.run())

r = Stream.resource(fn -> IO.puts("open"); 3 end,
  fn 0 -> {:halt, 0}; n -> {[n], n - 1} end,
  fn _ -> IO.puts("close") end)
IO.inspect(Enum.take(r, 2))
IO.inspect(Enum.to_list(r))
IO.inspect(Enum.sum(Stream.map(1..100, &(&1 * 2))))
