# Other walks over deep values: sending (a pointer copy, then the receiver
# compares and frees it), List.flatten, and chardata as text.
defmodule Deep do
  def list(0, acc), do: acc
  def list(n, acc), do: list(n - 1, [acc])
  def chars(0, acc), do: acc
  def chars(n, acc), do: chars(n - 1, [?a, acc, "b"])
end

d = Deep.list(1_000_000, [:x])
parent = self()
pid = spawn(fn ->
  receive do
    {:term, t} -> send(parent, {:back, t == Deep.list(1_000_000, [:x]), t})
  end
end)
send(pid, {:term, d})
receive do
  {:back, same, t} -> IO.inspect({same, t === d})
end

IO.inspect(List.flatten(Deep.list(1_000_000, [1, [2, [3]]])))
IO.inspect(length(List.flatten(Deep.chars(100_000, []))))

s = to_string(Deep.chars(100_000, []))
IO.puts(byte_size(s))
IO.puts(String.slice(s, 0, 6))
IO.puts(to_string(Deep.chars(1000, [])) |> String.length())
IO.puts(Deep.chars(3, ["!"]))
