# Code.format_string! over unformatted snippets: layout, comments, options.
snippets = [
  "defmodule Foo do\n  def bar(x),do: x+1\n\n\n\n  defp baz( a,b ) when a>b do\n    a\n  end\nend",
  "x=[1,2,3]|>Enum.map(fn x->x*2 end)|>Enum.sum()",
  "case x do\n  1 -> :one\n  _ ->\n    # other\n    :other\nend",
  "foo(a, [b: 1, c: 2])",
  "%{a: 1, b: 2} |> Map.put(:c, 3)",
  "@doc since: \"1.0.0\"\ndef f(list), do: Enum.map(list, &to_string/1)",
  "if a do\nb\nelse\nc\nend",
  "{:ok,    value}",
  "# leading\na = 1 # trailing\nb = 2",
  "Enum.reduce(list, 0, fn x, acc -> x + acc end)",
]

for s <- snippets do
  IO.puts(IO.iodata_to_binary(Code.format_string!(s)))
  IO.puts("---")
end

IO.puts(IO.iodata_to_binary(Code.format_string!("foo(aaaaaaaaaa, bbbbbbbbbbbb, cccccccccc)", line_length: 20)))
IO.puts(IO.iodata_to_binary(Code.format_string!("my_macro 1, 2", locals_without_parens: [my_macro: 2])))
IO.puts(IO.iodata_to_binary(Code.format_string!("my_macro 1, 2")))

path = Path.join(System.tmp_dir!(), "phial_format_file_case.ex")
File.write!(path, "def  f(x),do: x")
IO.puts(IO.iodata_to_binary(Code.format_file!(path)))
File.rm!(path)

try do
  Code.format_string!("foo(")
rescue
  e -> IO.puts(inspect(e.__struct__))
end
