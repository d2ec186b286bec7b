# `'prefix' ++ rest` and `[a, b] ++ rest` in patterns
parse = fn
  'get ' ++ key -> {:get, List.to_string(key)}
  [?#, ?# | _] -> :heading
  [first, second] ++ rest -> {first, second, length(rest)}
  other -> {:other, other}
end
IO.inspect(Enum.map(['get name', '## x', 'abcdef', 'z'], parse))
case [1, 2, 3] do
  [1] ++ tail -> IO.inspect(tail)
end
