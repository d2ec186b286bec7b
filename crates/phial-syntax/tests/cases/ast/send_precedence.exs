x = pid <- m
pid <- {self, :ping}
with true <- a < b, do: a
