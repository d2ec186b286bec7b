# :erlang.send/2, :erlang.self/0, Kernel.send/2
IO.inspect(:erlang.self() == self())
:erlang.send(self(), :via_erlang)
Kernel.send(self(), :via_kernel)
receive do: (m -> IO.inspect(m))
receive do: (m -> IO.inspect(m))
IO.inspect(:erlang.send(self(), {:ret, 1}))
receive do: ({:ret, n} -> IO.inspect(n))
