# ~r and ~R: delimiters, escapes, interpolation, heredocs, attributes
IO.inspect(Regex.source(~r/a\.b\n\t\d/))
IO.inspect(Regex.source(~R/a\.b\n\t\d/))
IO.inspect(Regex.source(~r"a\"b"))
IO.inspect(Regex.source(~r'a\'b'))
IO.inspect(Regex.source(~r[a\]b]))
IO.inspect(Regex.source(~r{a\}b}))
IO.inspect(Regex.source(~r<a\>b>))
IO.inspect(Regex.source(~r|a\|b|))
IO.inspect(Regex.source(~r(a\\b)))
IO.inspect(Regex.source(~r/line\
continued/))

word = "c++"
re = ~r/\b#{Regex.escape(word)}(?=\s|$)/i
IO.inspect(re)
IO.inspect(Regex.source(re))
IO.inspect(Regex.run(re, "I like C++ and c"))
n = 3
IO.inspect(Regex.run(~r/\d{#{n}}\n?/, "12 1234\n"))
IO.inspect(~r/#{"a"}#{"b"}\n/s)

multi = ~r"""
^(?<key>\w+)  # the key
\s*:\s*
(?<value>.+)$ # the value
"""x
IO.inspect(Regex.named_captures(multi, "name: phial"))

defmodule Tokens do
  @number ~r/^-?\d+(\.\d+)?$/
  @word ~r/^[a-z]+$/i

  def kind(t) do
    cond do
      t =~ @number -> :number
      t =~ @word -> :word
      true -> :other
    end
  end

  # the same literal in a hot loop is compiled once
  def count_words(list), do: Enum.count(list, &Regex.match?(~r/^\w+$/, &1))
end

IO.inspect(Enum.map(["42", "-3.5", "hello", "w0rd", "?"], &Tokens.kind/1))
IO.inspect(Tokens.count_words(List.duplicate("ok", 50_000) ++ ["no!"]))

# a custom sigil_r in a module hides Kernel's
defmodule Shout do
  import Kernel, except: [sigil_r: 2]
  def sigil_r(text, _mods), do: String.upcase(text)
  def run, do: ~r/not a regex/
end
IO.inspect(Shout.run())

# a regex literal in a pattern matches an equal regex
classify = fn
  ~r/a/ -> :a_regex
  ~r/a/i -> :caseless_a
  %Regex{} -> :another_regex
  _ -> :not_a_regex
end
IO.inspect(Enum.map([~r/a/, Regex.compile!("a", "i"), ~r/b/, "a"], classify))
