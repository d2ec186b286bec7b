fn x when x > 0 -> x; _ -> 0 end
def f(x) when x > 0 do
  x
end
defp g(a, b) when is_integer(a) and b > 1, do: a
case x do
  {:ok, v} when v > 0 -> v
  _ -> nil
end
