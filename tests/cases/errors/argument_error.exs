# ArgumentError from raise and from builtins
show = fn f ->
  try do
    f.()
  rescue
    e in ArgumentError -> IO.puts("ArgumentError: " <> Exception.message(e))
  end
end
show.(fn -> raise ArgumentError end)
show.(fn -> raise ArgumentError, "bad value" end)
show.(fn -> String.to_integer("12x") end)
show.(fn -> elem({1, 2}, 5) end)
show.(fn -> hd([]) end)
show.(fn -> tl([]) end)
show.(fn -> List.to_tuple(:not_a_list) end)
show.(fn -> Integer.to_string(1, 99) end)
show.(fn -> :erlang.atom_to_binary("str") end)
show.(fn -> length(:atom) end)
show.(fn -> tuple_size([1]) end)
