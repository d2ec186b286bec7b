# Regex's phial half: the %Regex{} struct with Elixir 1.14's fields and
# Regex.CompileError. Everything else is native (regex.rs), over PCRE2.
defmodule Regex do
  defstruct re_pattern: nil, source: "", opts: "", re_version: ""
end

defmodule Regex.CompileError do
  defexception message: "regex could not be compiled"
end
