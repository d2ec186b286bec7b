# Code.eval_string, eval_file and require_file at run time
IO.inspect(Code.eval_string("1 + 2"))
IO.inspect(Code.eval_string("a + b", a: 1, b: 2))
IO.inspect(Code.eval_string("c = a * 10\nd = c + 1", a: 4))
IO.inspect(Code.eval_string("[x | rest] = list; {x, rest}", list: [1, 2, 3]))

defmodule Caller do
  def run(src), do: Code.eval_string(src) |> elem(0)
end

IO.inspect(Caller.run("Enum.map(1..3, &(&1 * &1))"))

root = Path.join(System.tmp_dir!(), "phial_case_code_eval_#{System.pid()}")
File.rm_rf!(root)
File.mkdir_p!(root)

File.write!(Path.join(root, "defs.exs"), """
defmodule CodeEvalDefs do
  def here, do: Path.basename(__DIR__)
  def twice(x), do: 2 * x
end

defmodule CodeEvalMore do
  def name, do: :more
end

IO.puts("defs.exs ran")
""")

mods = Code.require_file("defs.exs", root)
IO.inspect(Enum.map(mods, &elem(&1, 0)))
IO.inspect(CodeEvalDefs.twice(21))
IO.inspect(CodeEvalDefs.here() == Path.basename(root))
IO.inspect(Code.require_file(Path.join(root, "defs.exs")))
IO.inspect(Enum.any?(Code.required_files(), &String.ends_with?(&1, "defs.exs")))

File.write!(Path.join(root, "value.exs"), "x = 20\nx + 22\n")
IO.inspect(Code.eval_file(Path.join(root, "value.exs")))
IO.inspect(Code.eval_file("value.exs", root))

IO.puts("-- errors")
File.write!(Path.join(root, "bad_syntax.exs"), "x = (1 +\n")
File.write!(Path.join(root, "bad_end.exs"), "foo(1, 2]\n")
File.write!(Path.join(root, "raises.exs"), "raise ArgumentError, \"from the file\"\n")

for f <- [
      fn -> Code.require_file("missing.exs", root) end,
      fn -> Code.eval_file("missing.exs", root) end,
      fn -> Code.eval_file("bad_syntax.exs", root) end,
      fn -> Code.eval_file("bad_end.exs", root) end,
      fn -> Code.eval_file("raises.exs", root) end,
      fn -> Code.eval_string("undefined_variable_here + 1") end,
      fn -> Code.eval_string("1 +") end
    ] do
  try do
    f.()
  rescue
    e in Code.LoadError -> IO.puts("Code.LoadError: #{Path.basename(e.file)}")
    e in [SyntaxError, TokenMissingError] -> IO.puts("#{inspect(e.__struct__)} at line #{e.line}: #{e.description}")
    e -> IO.puts("#{inspect(e.__struct__)}")
  end
end

File.rm_rf!(root)
