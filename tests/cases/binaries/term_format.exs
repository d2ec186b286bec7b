# The external term format: the bytes OTP writes, and reading them back
terms = [
  :a, :"é", 1, 300, -1, 2_147_483_648, -2_147_483_649, 1.5, "hi", <<1::3>>,
  [], [1, 2], [1000], [1 | 2], {}, {1, :a}, %{a: 1, b: [2]}, %{1 => 2, 1.0 => 3},
  123_456_789_012_345_678_901_234_567_890, true, ~c"abc", &Enum.map/2
]

for t <- terms do
  bin = :erlang.term_to_binary(t)
  IO.inspect({t, bin}, binaries: :as_binaries, limit: :infinity)
  true = :erlang.binary_to_term(bin) === t
end

IO.inspect(:erlang.term_to_binary(:a, minor_version: 2))
long = String.duplicate("hello ", 20)
packed = :erlang.term_to_binary(long, [:compressed])
IO.inspect({byte_size(packed) < byte_size(long), :erlang.binary_to_term(packed) == long})
IO.inspect(:erlang.binary_to_term(<<131, 100, 0, 1, 97, 1, 2>>, [:used]))
IO.inspect(:erlang.binary_to_term(<<131, 97, 1, 2>>))

try do
  :erlang.binary_to_term(<<1, 2, 3>>)
rescue
  e -> IO.puts(Exception.message(e))
end

nested = Enum.reduce(1..10_000, :leaf, fn i, acc -> {i, [acc]} end)
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(nested)) == nested)
