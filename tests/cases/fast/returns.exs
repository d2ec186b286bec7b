# Fused returns (a local, a constant, an operator as a function's last
# expression) of every kind of value, in loops hot enough for the fast
# step loop, and the errors they hand back to the general loop.
defmodule Returns do
  def half(x), do: x / 2
  def scale(x, k), do: x * k
  def mix(i, f), do: i + f
  def big(x), do: x * 1_000_000_000_000
  def older(a, b), do: a < b
  def same(a, b), do: a == b
  def name(x) do
    y = {x, :named}
    y
  end
  def greeting(_), do: "hello"
  def pair(_), do: {1, 2}
  def plus(a, b), do: a + b

  def sum_halves(0, acc), do: acc
  def sum_halves(n, acc), do: sum_halves(n - 1, acc + half(n))

  def loop(0, acc, _f), do: acc
  def loop(n, acc, f), do: loop(n - 1, f.(n, acc), f)
end

IO.inspect(Returns.sum_halves(100_000, 0.0))
IO.inspect(Returns.loop(50_000, 0.0, fn n, acc -> acc + Returns.scale(1.5, n) end))
IO.inspect(Returns.loop(50_000, 0, fn n, acc -> Returns.mix(n, 0.25) + acc end))
IO.inspect(Returns.loop(30, 1, fn _, acc -> Returns.big(acc) |> rem(97) |> Kernel.+(acc) end))
IO.inspect(Returns.big(123_456_789_012))
IO.inspect(Returns.loop(10_000, [], fn n, acc -> [Returns.older(n, :atom) | acc] end) |> Enum.uniq())
IO.inspect(Returns.loop(10_000, 0, fn n, acc -> if Returns.same(n, n * 1.0), do: acc + 1, else: acc end))
IO.inspect(Returns.loop(10_000, nil, fn n, _ -> Returns.name(n) end))
IO.inspect(Returns.loop(10_000, nil, fn n, _ -> Returns.greeting(n) end))
IO.inspect(Returns.loop(10_000, nil, fn n, _ -> Returns.pair(n) end))
IO.inspect(Returns.loop(10_000, "", fn _, acc -> if acc == "", do: "x", else: acc end))

try do
  Returns.loop(10_000, 0, fn n, acc -> if n == 5_000, do: Returns.plus(acc, :x), else: acc + 1 end)
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  Returns.loop(10_000, 0, fn n, acc -> if n == 7_000, do: Returns.half(:y), else: acc + 1 end)
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  Returns.loop(10_000, 0.0, fn _, acc -> Returns.scale(acc + 1.0e300, 1.0e300) end)
rescue
  e -> IO.puts(Exception.message(e))
end

{:ok, pid} =
  Task.start(fn ->
    receive do
      from -> send(from, Returns.loop(200_000, 0.0, fn n, acc -> acc + Returns.half(n) end))
    end
  end)

send(pid, self())

receive do
  v -> IO.inspect(v)
end
