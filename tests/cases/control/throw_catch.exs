# throw and catch
r = try do
  Enum.each(1..10, fn x -> if x == 4, do: throw({:found, x}) end)
  :not_found
catch
  {:found, x} -> {:got, x}
end
IO.inspect(r)
r2 = try do
  throw(:simple)
catch
  :throw, value -> {:caught_throw, value}
end
IO.inspect(r2)
r3 = try do
  throw("str")
catch
  kind, value -> {kind, value}
end
IO.inspect(r3)
nested = try do
  try do
    throw(:inner)
  catch
    :other -> :wrong
  end
catch
  :inner -> :outer_caught_inner
end
IO.inspect(nested)
