# Code: compiler options, fetch_docs, compile_string/compile_quoted, load_file, required and unrequired files, ensure_compiled?/!
defmodule M do
  def f, do: 1
end
IO.inspect Code.fetch_docs(M)
IO.inspect Code.fetch_docs(Nope)
IO.inspect Code.fetch_docs("/nonexistent.beam")
IO.inspect Code.purge_compiler_modules()
IO.inspect Code.compiler_options()
IO.inspect Code.available_compiler_options()
IO.inspect Code.can_await_module_compilation?()
IO.inspect Code.ensure_compiled?(M)
IO.inspect Code.ensure_compiled?(Nope)
IO.inspect Code.ensure_compiled!(M)
IO.inspect Code.get_compiler_option(:docs)
IO.inspect Code.put_compiler_option(:docs, false)
IO.inspect Code.get_compiler_option(:docs)
IO.inspect Code.compiler_options(docs: true, tracers: [], no_warn_undefined: :all)
IO.inspect Code.compiler_options()
IO.inspect Code.get_docs(M, :docs)
for {k, v} <- [docs: 1, nope: 1, no_warn_undefined: 3, tracers: [1], parser_options: [1], tracers: :x] do
  try do
    Code.put_compiler_option(k, v)
  rescue
    e -> IO.inspect e
  end
end
try do Code.get_compiler_option(:nope) rescue e -> IO.inspect e.__struct__ end
IO.inspect Code.compile_string("defmodule N1, do: (def f, do: :n1)\ndefmodule N2, do: nil") |> Enum.map(fn {m, b} -> {m, is_binary(b)} end)
IO.inspect N1.f()
IO.inspect Code.compile_quoted(quote(do: defmodule(N3, do: def(g, do: :n3)))) |> Enum.map(&elem(&1, 0))
IO.inspect N3.g()
IO.inspect Code.compile_string("1 + 1")
load = Path.join(System.tmp_dir!(), "phial_toolbox_code_load.exs")
File.write!(load, "defmodule L1 do\n  def v, do: 7\nend\n")
IO.inspect Code.load_file(load) |> Enum.map(&elem(&1, 0))
IO.inspect Enum.map(Code.loaded_files(), &Path.basename/1)
IO.inspect Enum.map(Code.required_files(), &Path.basename/1)
IO.inspect Code.unrequire_files([load])
IO.inspect Enum.map(Code.required_files(), &Path.basename/1)
IO.inspect Code.require_file(load) |> Enum.map(&elem(&1, 0))
IO.inspect Code.unload_files([load])
IO.inspect Enum.map(Code.required_files(), &Path.basename/1)
try do Code.ensure_compiled!(Nope) rescue e -> IO.inspect e end
File.rm!(load)
