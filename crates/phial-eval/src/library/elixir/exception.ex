# Exception's phial half: what calls an exception's own message/1 and what
# needs the caller's stack (format_error/2, format_stacktrace/0).
# Not here: formatting banners, traces and locations, blame (exception.rs).
defmodule Exception do
  def format_error(%struct{} = exception, _stacktrace) do
    %{general: Exception.message(exception), reason: "#" <> Atom.to_string(struct)}
  end

  # The caller's own stack, taken the way a raise takes it; the first
  # entry (this function) is left out.
  def format_stacktrace() do
    trace =
      try do
        :erlang.error(:phial_stacktrace)
      rescue
        _ -> __STACKTRACE__
      end

    Exception.format_stacktrace(Enum.drop(trace, 1))
  end
end
