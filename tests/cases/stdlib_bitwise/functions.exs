# Bitwise functions and operators as functions, over small and big
# integers, in guards, and their errors.
import Bitwise
IO.inspect {band(12, 10), bor(12, 10), bxor(12, 10), bnot(12)}
IO.inspect {bsl(1, 10), bsr(1024, 3), bsl(1, 70), bsr(-16, 2), bsr(-1, 100), bsl(1, -2), bsr(-1, -3)}
IO.inspect {band(-1, 0xFF), bor(-8, 3), bxor(-1, 5), band(bsl(1, 80) + 5, 7), bnot(bsl(1, 70))}
IO.inspect(for {op, args} <- [{"&&&", [12, 10]}, {"|||", [12, 10]}, {"<<<", [3, 2]}, {">>>", [12, 2]}, {"~~~", [5]}, {"^^^", [12, 10]}], do: apply(Bitwise, String.to_atom(op), args))
f = fn x when Bitwise.band(x, 1) == 1 -> :odd; _ -> :even end
IO.inspect Enum.map(1..4, f)
try do band(1.5, 1) rescue e -> IO.inspect e end
try do bsl(1, 1.0) rescue e -> IO.inspect e end
try do bsl(1, 100_000_000_000) rescue e -> IO.inspect e end
IO.inspect :erlang.band(6, 3)
