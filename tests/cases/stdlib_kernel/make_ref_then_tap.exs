# make_ref/0, then/2 and tap/2
r = make_ref()
IO.inspect(is_reference(r))
IO.inspect(r == make_ref())
IO.inspect(then(3, &(&1 + 1)))
IO.inspect(tap(3, &IO.inspect(&1 * 100)))
"text" |> tap(&IO.puts/1) |> then(&String.length/1) |> IO.inspect()
