# Lookahead, lookbehind, backreferences and the other Perl constructs PCRE has
prices = "cost: $12, €7, $300 and 45 USD"
IO.inspect(Regex.scan(~r/(?<=\$)\d+/, prices))
IO.inspect(Regex.scan(~r/\d+(?= USD)/, prices))
IO.inspect(Regex.scan(~r/(?<!\$)\b\d+/, prices))
IO.inspect(Regex.scan(~r/\b\d+\b(?! USD)/, prices))
IO.inspect(Regex.scan(~r/(?<=ab|xyz)c/, "abc xyzc qc"))

# a password rule written as lookaheads
strong? = fn pw -> pw =~ ~r/^(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{8,}$/ end
IO.inspect(Enum.map(["Secret123", "secret123", "Sh0rt", "NOLOWER99"], strong?))

# doubled words with a backreference, numbered and named
text = "this is is a test test of the the regex"
IO.inspect(Regex.scan(~r/\b(\w+) \1\b/, text, capture: :all_but_first))
IO.inspect(Regex.replace(~r/\b(?<w>\w+) \k<w>\b/, text, "\\1"))
IO.inspect(Regex.run(~r/(?P<q>['"]).*?(?P=q)/, ~s(say "hi" or 'bye')))
IO.inspect(Regex.match?(~r/^(a+)b\1$/, "aabaa"))
IO.inspect(Regex.match?(~r/^(a+)b\1$/, "aaba"))

# palindromes of five letters
IO.inspect(Regex.scan(~r/\b(\w)(\w)\w\2\1\b/, "level civic radar kayak hello refer"))

# atomic groups, possessive quantifiers, \K, alternation order
IO.inspect(Regex.run(~r/(?>a+)b/, "aaab"))
IO.inspect(Regex.run(~r/(?>a+)ab/, "aaab"))
IO.inspect(Regex.run(~r/a++b/, "aaab"))
IO.inspect(Regex.run(~r/foo\Kbar/, "foobar", return: :index))
IO.inspect(Regex.run(~r/cat|category/, "category"))
IO.inspect(Regex.run(~r/(?|(\d+)|([a-z]+))-/, "abc-"))

# recursion: balanced parentheses
balanced = ~r/^(\((?:[^()]|(?1))*\))$/
IO.inspect(Enum.map(["(a(b)c)", "((x)", "(()())"], &Regex.match?(balanced, &1)))

# conditionals
IO.inspect(Enum.map(["<b>", "b", "<b"], &Regex.match?(~r/^(<)?b(?(1)>)$/, &1)))
