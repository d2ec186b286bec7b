# pids and references (normalised in the recorded output) and named funs
IO.inspect(self())
IO.inspect({:pid, self()})
IO.puts(inspect([make_ref(), make_ref()]))
IO.inspect(&Enum.map/2)
IO.inspect(&String.length/1)
IO.inspect(&:lists.reverse/1)
IO.inspect(%{owner: self()})
