# Macro.to_string prints quoted code as the formatter does; string_to_quoted
# gives the quoted form of source, with lines.
for code <- [
      quote(do: if(a, do: b)),
      quote(do: raise(ArgumentError, "x")),
      quote(do: def(f(x), do: x + 1)),
      quote(do: fn a, b -> a end),
      quote(do: (fn 1 -> :a; _ -> :b end)),
      quote(do: "a#{x}b"),
      quote(do: a - (b - c)),
      quote(do: (a - b) - c),
      quote(do: (a ++ b) ++ c),
      quote(do: %User{name: "x"}),
      quote(do: %{"a" => 1}),
      quote(do: &foo/1),
      quote(do: &Enum.map(&1, f)),
      quote(do: [1 | t]),
      quote(do: x.y),
      quote(do: f.(1)),
      quote(do: a[b]),
      quote(do: ~r/a/i),
      quote(do: <<a::8, b::binary>>),
      quote(do: x not in y),
      quote(do: a and (b or c)),
      quote(do: Foo.bar),
      quote(do: foo([1, 2], bar: 1)),
      quote(do: -(-x)),
      quote(do: 2 * -x),
      quote(do: for(x <- l, do: x))
    ] do
  IO.puts(Macro.to_string(code))
end

IO.inspect(Code.string_to_quoted!("defmodule A do\n  def f(x), do: x.y + @z\nend"))
IO.inspect(Code.string_to_quoted!("~w(a b)a ++ [c: 1]"))
{value, binding} = Code.eval_quoted(Code.string_to_quoted!("a * b"), a: 6, b: 7)
IO.inspect({value, binding})
