# cond evaluates conditions in order
grade = fn score ->
  cond do
    score >= 90 -> "A"
    score >= 80 -> "B"
    score >= 70 -> "C"
    true -> "F"
  end
end
IO.inspect(Enum.map([95, 85, 72, 10], grade))
IO.inspect(cond do
  nil -> :nil_is_falsy
  0 -> :zero_truthy
end)
IO.inspect(cond do
  false -> 1
  "string" -> 2
end)
fizz = fn n ->
  cond do
    rem(n, 15) == 0 -> "FizzBuzz"
    rem(n, 3) == 0 -> "Fizz"
    rem(n, 5) == 0 -> "Buzz"
    true -> Integer.to_string(n)
  end
end
1..15 |> Enum.map(fizz) |> Enum.join(" ") |> IO.puts()
