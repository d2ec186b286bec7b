# `<-` binds looser than `=`: the pattern of a generator may bind the whole element
for {:k, _} = pair <- list, do: pair
with %{a: a} = m <- fetch(), do: {a, m}
