# The process dictionary: put/get/delete/get_keys, per process
IO.inspect(Process.put(:count, 1))
IO.inspect(Process.put(:count, 2))
IO.inspect(Process.get(:count))
IO.inspect(Process.get(:missing))
IO.inspect(Process.get(:missing, :default))
Process.put({:key, 1}, [:v])
IO.inspect(Process.get({:key, 1}))
IO.inspect(Process.get_keys(2))
IO.inspect(Process.delete(:count))
IO.inspect(Process.delete(:count))
parent = self()
spawn(fn -> send(parent, {:child_sees, Process.get({:key, 1})}) end)
receive do
  msg -> IO.inspect(msg)
end
next = fn -> n = Process.get(:n, 0) + 1; Process.put(:n, n); n end
IO.inspect(Stream.repeatedly(next) |> Enum.take(3))
