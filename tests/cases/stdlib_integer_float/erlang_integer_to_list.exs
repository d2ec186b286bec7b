# :erlang.integer_to_list/1,2 beside integer_to_binary: bases, negatives,
# big integers, and the argument errors.
IO.inspect(:erlang.integer_to_list(0))
IO.inspect(:erlang.integer_to_list(-1234))
IO.inspect(:erlang.integer_to_list(123_456_789_012_345_678_901_234_567_890))
IO.inspect(:erlang.integer_to_list(255, 16))
IO.inspect(:erlang.integer_to_list(-255, 2))
IO.inspect(:erlang.integer_to_list(35, 36))
IO.inspect(:erlang.integer_to_binary(255, 16))
IO.inspect(List.to_integer(:erlang.integer_to_list(987_654_321, 7), 7))

for args <- [[1.5], [:a], [10, 1], [10, 37], [:x, 10]] do
  try do
    apply(:erlang, :integer_to_list, args)
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
