# Keyword lists as function options
defmodule Opts do
  def fmt(value, opts \\ []) do
    prefix = Keyword.get(opts, :prefix, "")
    width = Keyword.get(opts, :width, 0)
    upcase? = Keyword.get(opts, :upcase, false)
    s = prefix <> to_string(value)
    s = if upcase?, do: String.upcase(s), else: s
    String.pad_leading(s, width)
  end
end
IO.inspect(Opts.fmt(:ok))
IO.inspect(Opts.fmt(:ok, prefix: "> "))
IO.inspect(Opts.fmt(:ok, width: 6, upcase: true))
IO.inspect(Opts.fmt(42, prefix: "#", width: 2))
