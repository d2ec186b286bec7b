# Flat lists wrap at width 80 with one-space continuation indent
IO.inspect(Enum.to_list(1..40))
IO.inspect(Enum.to_list(100..140))
IO.inspect(Enum.map(1..20, &"item#{&1}"))
IO.inspect(Enum.map(1..15, &String.to_atom("atom_#{&1}")))
IO.inspect(Enum.to_list(1..26))
IO.inspect(Enum.map(1..12, &(&1 * 1.5)))
IO.puts(inspect(Enum.to_list(1..40)))
