# Maps and lists of maps break one element per line with two-space indent
m = Map.new(1..12, fn i -> {String.to_atom("key_#{i}"), i * 1000} end)
IO.inspect(m)
IO.inspect([%{name: "alice", age: 30, email: "alice@example.com"}, %{name: "bob", age: 25, email: "bob@example.com"}])
IO.inspect(%{"nested" => %{"deeper" => %{"deepest" => Enum.to_list(1..25)}}})
IO.inspect(%{short: 1})
