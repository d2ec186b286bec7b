# Exception's phial half: what calls an exception's own message/1 and what
# needs the caller's stack (format_error/2, format_stacktrace/0).
# Not here: formatting banners, traces and locations, blame (exception.rs).
defmodule Exception do
  @moduledoc """
  Working with exceptions and the things that get raised, thrown or
  exited: normalizing a reason into an exception struct, reading its
  message, and formatting banners, stacktraces and exit reasons the way
  crashes are printed.

      iex> Exception.message(%KeyError{key: :a, term: %{}})
      "key :a not found in: %{}"
  """

  @doc """
  For an exception raised while evaluating code: a map with its
  `:general` message and the `:reason` naming its module.

      iex> Exception.format_error(%ArgumentError{message: "bad"}, [])
      %{general: "bad", reason: "#Elixir.ArgumentError"}
  """
  def format_error(%struct{} = exception, _stacktrace) do
    %{general: Exception.message(exception), reason: "#" <> Atom.to_string(struct)}
  end

  # The caller's own stack, taken the way a raise takes it; the first
  # entry (this function) is left out.
  @doc """
  The stacktrace of the caller, as `format_stacktrace/1` formats one.

      iex> is_binary(Exception.format_stacktrace())
      true
  """
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
