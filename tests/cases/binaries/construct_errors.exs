# Bitstring construction that fails, with Elixir's messages
attempt = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

atom = :a
one = 1
neg = -1
bits = <<1::3>>
short = "ab"
attempt.(fn -> <<atom>> end)
attempt.(fn -> <<atom::binary>> end)
attempt.(fn -> <<one::binary>> end)
attempt.(fn -> <<atom::float>> end)
attempt.(fn -> <<atom::utf8>> end)
attempt.(fn -> <<neg::utf8>> end)
attempt.(fn -> <<1::size(neg)>> end)
attempt.(fn -> <<bits::binary>> end)
attempt.(fn -> <<short::binary-size(5)>> end)
attempt.(fn -> <<1, 2, atom::16>> end)
attempt.(fn -> <<"x", one::size(atom)>> end)
