# Regex's phial half: the %Regex{} struct with Elixir 1.14's fields and
# Regex.CompileError. Everything else is native (regex.rs), over PCRE2.
defmodule Regex do
  @moduledoc """
  Regular expressions in the PCRE syntax, written with the `~r` sigil
  (`~r/ab+c/i`) or compiled at run time with `compile/2`: matching,
  capturing groups (also by name), scanning, splitting and replacing.
  Strings match as UTF-8 with the `u` modifier.

      iex> Regex.run(~r/(\\d+)-(\\d+)/, "pages 10-12")
      ["10-12", "10", "12"]
  """

  defstruct re_pattern: nil, source: "", opts: "", re_version: ""
end

defmodule Regex.CompileError do
  defexception message: "regex could not be compiled"
end
