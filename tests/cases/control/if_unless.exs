# if / unless / else; truthiness
IO.inspect(if true, do: :a)
IO.inspect(if false, do: :a)
IO.inspect(if nil, do: :a, else: :b)
IO.inspect(if 0, do: :zero_is_truthy)
IO.inspect(if [], do: :empty_list_truthy)
IO.inspect(unless false, do: :ran)
IO.inspect(unless true, do: :ran)
IO.inspect(unless true, do: :ran, else: :else_branch)
x = 7
msg =
  if rem(x, 2) == 0 do
    "even"
  else
    "odd"
  end
IO.puts(msg)
unless x > 10 do
  IO.puts("small")
else
  IO.puts("large")
end
if x > 5 do
  IO.puts("first")
  IO.puts("second")
end
