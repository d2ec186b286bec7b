# Compile errors: PCRE's messages and offsets, and Regex.CompileError
bad = [
  "(", "a)", "[a-", "x{3,2}", "+x", "a**", "(?<n>.)(?<n>.)", "\\", "(?<=a+)b", "(?<=x(a|bc))y",
  "[z-a]", "\\p{Nope}", "[[:nope:]]", "(?P", "(?i", "(?z)", "\\1", "(a)\\2", "(?<1n>x)", "\\k",
  "x{99999}", "a(?#open", "(*NOPE)", "\\x{110000}", "\\c", "(?(1)a|b|c)", "\\N{x}", "(?+"
]
for p <- bad do
  IO.puts("#{inspect(p)}: #{inspect(Regex.compile(p))}")
end

# things PCRE accepts that look wrong
for p <- ["a{,3}", "a{ 2}", "[\\d-z]", "[\\w-.]+", "\\8", "x{2,", "(?=a)*", "a\\Qb(\\E"] do
  {:ok, r} = Regex.compile(p)
  IO.puts("#{inspect(p)} ok: #{inspect(Regex.run(r, "a{,3} aa {-z 8 x{2, ab( x-z.w"))}")
end

IO.inspect(Regex.compile("\\x{100}"))
IO.inspect(Regex.compile("\\x{100}", "u"))
IO.inspect(Regex.compile("a", [:unicode, :never_utf]))

for {p, mods} <- [{"(unclosed", ""}, {"ok", "!"}, {"[", "i"}] do
  try do
    Regex.compile!(p, mods)
  rescue
    e in Regex.CompileError -> IO.puts("Regex.CompileError: #{e.message}")
  end
end

# wrong arguments
calls = [
  fn -> Regex.run(:not_a_regex, "x") end,
  fn -> Regex.match?(~r/x/, 'charlist') end,
  fn -> Regex.compile(:atom) end,
  fn -> Regex.compile("x", :atom) end,
  fn -> Regex.run(~r/x/, "x", capture: :everything) end,
  fn -> Regex.run(~r/x/, "x", return: :text) end,
  fn -> Regex.run(~r/x/, "x", offset: -2) end,
  fn -> Regex.run(~r/./u, "é", offset: 1) end,
  fn -> Regex.scan(~r/x/, "x", :opts) end,
  fn -> "x" =~ 42 end,
  fn -> 42 =~ ~r/x/ end,
  fn -> String.match?(:x, ~r/x/) end,
  fn -> Regex.replace(~r/x/, "x", "\\g{}") end,
  fn -> Regex.replace(~r/x/, "x", "\\g{1") end
]
for f <- calls do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.puts("about to compile a bad pattern")
Regex.compile!("never(closed")
IO.puts("not reached")
