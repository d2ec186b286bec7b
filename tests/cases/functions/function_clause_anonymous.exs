# FunctionClauseError in an anonymous function
f = fn
  :a -> 1
  :b -> 2
end
try do
  f.(:c)
rescue
  e in FunctionClauseError -> IO.inspect({e.__struct__, e.arity})
end
g = fn x when is_integer(x) -> x end
try do
  Enum.map([1, "two"], g)
rescue
  e -> IO.inspect(e.__struct__)
end
