fn
  0 -> :zero
  n when n < 0 ->
    IO.puts "neg"
    :neg
  _ -> :pos
end
fn -> :ok end
fn a, b -> a + b end
fn (a, b) -> a end
fn () -> 1 end
