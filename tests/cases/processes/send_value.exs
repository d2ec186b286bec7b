# send/2 evaluates to its message, whatever the destination form, and a
# send whose value is discarded still delivers
x = send(self(), {:a, 1})
IO.inspect(x)
IO.inspect(send(self(), :b))
Process.register(self(), :me)
IO.inspect(send(:me, [:c]))
IO.inspect(:erlang.send(self(), "d"))

v =
  if length([1]) == 1 do
    send(self(), :e)
  else
    :never
  end

IO.inspect(v)
send(self(), :f)
Enum.each(1..2, fn i -> send(self(), {:g, i}) end)
IO.inspect(send(self(), %{h: 1}) |> Map.keys())

for _ <- 1..9 do
  receive do
    m -> IO.inspect(m, label: "got")
  end
end

try do
  send(:nobody_here, :x)
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  send(42, :x)
rescue
  e -> IO.puts(Exception.message(e))
end
