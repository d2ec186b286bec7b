# Exception.exception?, format_file_line_column, format_snippet, format_error, blame_mfa, format_stacktrace/0
IO.inspect Exception.exception?(%RuntimeError{message: "x"})
IO.inspect Exception.exception?(%{__exception__: true})
IO.inspect Exception.exception?(%URI{})
IO.inspect Exception.exception?(:error)
IO.inspect Exception.format_file_line_column("a.ex", 1, 2)
IO.inspect Exception.format_file_line_column("a.ex", 1, nil)
IO.inspect Exception.format_file_line_column("a.ex", 0, 3)
IO.inspect Exception.format_file_line_column(nil, 1, 3)
IO.inspect Exception.format_file_line_column("a.ex", 4, 5, " suffix")
IO.inspect Exception.format_file_line_column("a.ex", nil, nil, " s")
IO.puts Exception.format_snippet(%{content: "foo bar", offset: 2 ** 62}, 3)
IO.puts Exception.format_snippet(%{content: "  x = ", offset: 6}, 120)
IO.inspect Exception.format_error(%ArgumentError{message: "bad"}, [])
defmodule MyErr do
  defexception [:v]
  def message(e), do: "my #{e.v}"
end
IO.inspect Exception.format_error(struct(MyErr, v: 1), [])
IO.inspect Exception.blame_mfa(String, :nope, [1])
IO.inspect is_binary(Exception.format_stacktrace())
