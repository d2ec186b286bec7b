# ArithmeticError: bad arithmetic operands, division by zero
show = fn f ->
  try do
    f.()
  rescue
    e in ArithmeticError -> IO.puts(Exception.message(e)); IO.inspect(e)
  end
end
zero = 0
show.(fn -> 1 / zero end)
show.(fn -> div(10, zero) end)
show.(fn -> rem(10, zero) end)
show.(fn -> 1 + String.to_atom("a") end)
show.(fn -> "a" * 2 end)
show.(fn -> -Enum.at([:x], 0) end)
show.(fn -> 1.0 / 0.0 end)
