# The is_* type checks on every kind of value
values = [1, 1.0, :a, "s", 'c', [], {1}, %{}, nil, true, self(), make_ref(), fn -> 1 end, 1..2]
checks = [
  is_integer: &is_integer/1, is_float: &is_float/1, is_number: &is_number/1,
  is_atom: &is_atom/1, is_binary: &is_binary/1, is_list: &is_list/1,
  is_tuple: &is_tuple/1, is_map: &is_map/1, is_boolean: &is_boolean/1,
  is_nil: &is_nil/1, is_pid: &is_pid/1, is_reference: &is_reference/1,
  is_function: &is_function/1, is_bitstring: &is_bitstring/1
]
for {name, f} <- checks do
  IO.puts("#{name}: " <> Enum.map_join(values, " ", fn v -> if f.(v), do: "T", else: "." end))
end
IO.inspect(is_function(fn a, b -> a + b end, 2))
IO.inspect(is_map_key(%{a: 1}, :a))
IO.inspect(is_struct(1..2))
