IO.puts "x"
:timer.sleep(10)
IO.puts("a" <> "b")
f.(x)
m.key
Foo.Bar.baz(1)
__MODULE__
self
spawn fn -> :ok end
IO.inspect(for x <- [1], do: x)
f g a, b
