# Atom.to_string/1, Atom.to_charlist/1, String.to_existing_atom/1
IO.inspect(Atom.to_string(:hello))
IO.inspect(Atom.to_string(:"with space"))
IO.inspect(Atom.to_string(Enum))
IO.inspect(Atom.to_string(nil))
IO.inspect(Atom.to_charlist(:abc))
IO.inspect(String.to_existing_atom("hello"))
for f <- [fn -> Atom.to_string("str") end, fn -> String.to_existing_atom("surely_never_seen_atom_xyz") end] do
  try do
    f.()
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end
