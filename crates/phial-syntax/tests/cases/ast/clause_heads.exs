fn () when node() == :x -> true end
fn (a, b) when a > b -> a end
fn (a) when a > 0 -> a end
case x do
  {a, b} when a > b -> a
  _ -> 0
end
