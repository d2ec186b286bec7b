# Regex.replace and String.replace with a regex: backref(erences, functions, :global
IO.inspect(Regex.replace(~r/(\d+)-(\d+)/, "10-20 and 3-4", "\\2-\\1"))
IO.inspect(Regex.replace(~r/(\d+)-(\d+)/, "10-20 and 3-4", "[\\0]"))
IO.inspect(Regex.replace(~r/(\d+)-(\d+)/, "10-20 and 3-4", "\\g{2}\\g{1}"))
IO.inspect(Regex.replace(~r/(\d+)-(\d+)/, "10-20", "\\10|\\3|\\g{9}"))
IO.inspect(Regex.replace(~r/(o)/, "foo", "\\\\1"))
IO.inspect(Regex.replace(~r/o/, "foo", "\\"))
IO.inspect(Regex.replace(~r/o/, "foo", "\\x"))
IO.inspect(Regex.replace(~r/o/, "foo", "\\g{"))
IO.inspect(Regex.replace(~r/o/, "foo", "0", global: false))
IO.inspect(Regex.replace(~r/o/, "foo", "0", global: true))
IO.inspect(Regex.replace(~r/z/, "foo", "0"))
IO.inspect(Regex.replace(~r//, "abc", "."))
IO.inspect(Regex.replace(~r/x*/, "abc", "-"))
IO.inspect(Regex.replace(~r/b*/, "abbc", "-"))
IO.inspect(Regex.replace(~r/$/m, "a\nb", ";"))
IO.inspect(Regex.replace(~r/é/u, "café crème", "e"))

# function replacements: the arity decides how many captures arrive
IO.inspect(Regex.replace(~r/\d+/, "1 22 333", fn m -> String.duplicate("#", String.length(m)) end))
IO.inspect(Regex.replace(~r/(\w)(\w)/, "abcd", fn _, a, b -> b <> a end))
IO.inspect(Regex.replace(~r/(\w)/, "ab", fn whole, g, missing -> "<#{whole}#{g}#{inspect(missing)}>" end))
IO.inspect(Regex.replace(~r/(x)?(y)/, "y xy", fn _, x, y -> "(#{x}|#{y})" end))
IO.inspect(Regex.replace(~r/\w+/, "hi there", fn w -> [String.upcase(w), ?!] end))
IO.inspect(Regex.replace(~r/\w+/, "hi there", fn -> "?" end))
IO.inspect(Regex.replace(~r/\w+/, "hi there", &String.capitalize/9_223_372_036_854_775_807, global: false))

# a tiny template engine
vars = %{"name" => "Ada", "lang" => "Elixir"}
render = fn tpl -> Regex.replace(~r/\{\{\s*(\w+)\s*\}\}/, tpl, fn whole, key -> Map.get(vars, key, whole) end) end
IO.puts(render.("Hello {{name}}, welcome to {{ lang }}! {{unknown}}"))

# String.replace with a regex
IO.inspect(String.replace("2024-01-31", ~r/(\d+)-(\d+)-(\d+)/, "\\3/\\2/\\1"))
IO.inspect(String.replace("a  b   c", ~r/\s+/, " "))
IO.inspect(String.replace("a  b   c", ~r/\s+/, " ", global: false))
IO.inspect(String.replace("snake_case_name", ~r/_(\w)/, fn "_" <> c -> String.upcase(c) end))

# errors raised only once something matched
IO.inspect(Regex.replace(~r/z/, "abc", :not_a_replacement))
for bad <- [:not_a_replacement, fn _ -> :atom end] do
  try do
    Regex.replace(~r/a/, "abc", bad)
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
