# ExUnit.CaptureIO: capture_io/1,2,3 collect what a function writes to
# standard output (or :stderr) and can give IO.gets an input. The writes
# are kept in the calling process's dictionary (io.rs `captured`), so only
# that process's output is caught, not that of processes it spawns.
# Not here: capture_log (phial has no Logger).
defmodule ExUnit.CaptureIO do
  def capture_io(fun) when is_function(fun, 0), do: capture_io(:stdio, "", fun)

  def capture_io(device, fun) when is_atom(device) and is_function(fun, 0) do
    capture_io(device, "", fun)
  end

  def capture_io(input, fun) when is_binary(input) and is_function(fun, 0) do
    capture_io(:stdio, input, fun)
  end

  def capture_io(options, fun) when is_list(options) and is_function(fun, 0) do
    capture_io(:stdio, Keyword.get(options, :input, ""), fun)
  end

  def capture_io(device, input, fun) when is_function(fun, 0) do
    key =
      if device in [:stderr, :standard_error] do
        :"$phial_capture_stderr"
      else
        :"$phial_capture_stdout"
      end

    old = Process.put(key, "")
    old_input = Process.put(:"$phial_capture_input", input)

    try do
      fun.()
      Process.get(key)
    after
      restore(key, old)
      restore(:"$phial_capture_input", old_input)
    end
  end

  defp restore(key, nil), do: Process.delete(key)
  defp restore(key, value), do: Process.put(key, value)
end
