# Big and deep input: nesting limits, huge patterns, long subjects
nest = fn n -> String.duplicate("(", n) <> "x" <> String.duplicate(")", n) end
IO.inspect(match?({:ok, _}, Regex.compile(nest.(500))))
IO.inspect(Regex.compile(nest.(799)))
IO.inspect(Regex.compile(String.duplicate("(", 100_000)) |> elem(0))
IO.inspect(Regex.compile(String.duplicate("(a)", 70_000)))
IO.inspect(Regex.compile(String.duplicate("[\\w-.]", 2000)) |> elem(0))

many = Enum.map_join(1..2000, "|", &"word#{&1}")
{:ok, alt} = Regex.compile("^(?:#{many})$")
IO.inspect(Enum.count(["word1", "word2000", "word2001", "word"], &Regex.match?(alt, &1)))

long = String.duplicate("ab", 500_000)
IO.inspect(length(Regex.scan(~r/b/, long)))
IO.inspect(length(Regex.split(~r/a/, long)))
IO.inspect(byte_size(Regex.replace(~r/b/, long, "cc")))
IO.inspect(byte_size(Regex.replace(~r//, String.duplicate("x", 100_000), "-")))
IO.inspect(Regex.run(~r/(?:ab)+$/, long, return: :index))
IO.inspect(Regex.run(~r/^(\w+\s?)*$/, String.duplicate("word ", 30) <> "!"))
