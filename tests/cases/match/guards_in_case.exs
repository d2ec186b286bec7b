# Guards: the guard-safe subset
classify = fn
  x when is_integer(x) and x > 0 -> :pos_int
  x when is_integer(x) and x < 0 -> :neg_int
  x when is_float(x) -> :float
  x when is_binary(x) and byte_size(x) > 3 -> :long_string
  x when is_binary(x) -> :short_string
  x when is_atom(x) and not is_nil(x) -> :atom
  x when is_list(x) and length(x) == 0 -> :empty_list
  x when is_list(x) -> :list
  x when is_map(x) and map_size(x) > 0 -> :map
  x when is_tuple(x) and tuple_size(x) == 2 -> :pair
  {_, _, _} -> :triple
  nil -> :nil
  _ -> :other
end
for v <- [1, -1, 0, 2.5, "hello", "hi", :a, [], [1], %{a: 1}, %{}, {1, 2}, {1, 2, 3}, nil],
    do: IO.inspect({v, classify.(v)})
g = fn
  x when x in [1, 2, 3] -> :small
  x when rem(x, 2) == 0 or x > 100 -> :even_or_big
  x when abs(x) > 5 and div(x, 2) > 0 -> :big_odd
  _ -> :rest
end
IO.inspect(Enum.map([1, 4, 101, 7, -9], g))
h = fn x when hd(x) == :a -> :head_a
  _ -> :no end
IO.inspect(h.([:a, :b]))
