# IO's phial half: what reads standard input (gets, getn, read,
# binread, stream, binstream) and warn_once. The read itself happens on a thread of :phial_io, and the
# process waits for its answer in receive, parked like any waiting
# process, so a script waiting for input holds no scheduler thread.
# Not here: writing and inspecting (io.rs).
defmodule IO do
  def gets(prompt), do: gets(:stdio, prompt)

  def gets(device, prompt) do
    if :phial_io.device?(device) do
      IO.write(device, prompt)

      # Input given to ExUnit.CaptureIO.capture_io is read from first.
      case Process.get(:"$phial_capture_input") do
        input when is_binary(input) -> captured_line(input)
        _ -> read_device(device, :line)
      end
    else
      {:error, :arguments}
    end
  end

  defp captured_line(""), do: :eof

  defp captured_line(input) do
    {line, rest} =
      case :binary.split(input, "\n") do
        [line, rest] -> {line <> "\n", rest}
        [line] -> {line, ""}
      end

    Process.put(:"$phial_capture_input", rest)
    line
  end

  def read(device \\ :stdio, line_or_chars)

  def read(device, :all) do
    case read_device(device, :all) do
      :eof -> ""
      other -> other
    end
  end

  def read(device, what) when what in [:line, :eof] or (is_integer(what) and what >= 0) do
    read_device(device, what)
  end

  def binread(device \\ :stdio, line_or_chars)

  def binread(device, :all) do
    case read_device(device, :all) do
      :eof -> ""
      other -> other
    end
  end

  def binread(device, what) when what in [:line, :eof] or (is_integer(what) and what >= 0) do
    read_device(device, what)
  end

  def stream, do: stream(:stdio, :line)

  def stream(device \\ :stdio, line_or_codepoints)
      when line_or_codepoints == :line or (is_integer(line_or_codepoints) and line_or_codepoints > 0) do
    Stream.resource(fn -> device end, &IO.each_stream(&1, line_or_codepoints), fn _ -> :ok end)
  end

  def binstream, do: binstream(:stdio, :line)

  def binstream(device \\ :stdio, line_or_bytes)
      when line_or_bytes == :line or (is_integer(line_or_bytes) and line_or_bytes > 0) do
    Stream.resource(fn -> device end, &IO.each_binstream(&1, line_or_bytes), fn _ -> :ok end)
  end

  # One step of a stream over a device (public, as Elixir's are, for
  # the stream to call).
  def each_stream(device, line_or_codepoints) do
    case read(device, line_or_codepoints) do
      :eof -> {:halt, device}
      {:error, reason} -> stream_error(reason)
      data -> {[data], device}
    end
  end

  def each_binstream(device, line_or_bytes) do
    case binread(device, line_or_bytes) do
      :eof -> {:halt, device}
      {:error, reason} -> stream_error(reason)
      data -> {[data], device}
    end
  end

  defp stream_error(reason) do
    raise IO.StreamError, reason: reason, message: "error during streaming: #{:file.format_error(reason)}"
  end

  def getn(prompt, count \\ 1)
  def getn(prompt, :eof), do: getn(:stdio, prompt, :eof)
  def getn(prompt, count) when is_integer(count) and count > 0, do: getn(:stdio, prompt, count)
  def getn(device, prompt) when not is_integer(prompt), do: getn(device, prompt, 1)

  def getn(device, prompt, count) when count == :eof or (is_integer(count) and count > 0) do
    if :phial_io.device?(device) do
      IO.write(device, prompt)

      case Process.get(:"$phial_capture_input") do
        input when is_binary(input) -> captured_chars(input, count)
        _ -> read_device(device, if(count == :eof, do: :all, else: count))
      end
    else
      {:error, :arguments}
    end
  end

  defp captured_chars("", _count), do: :eof

  defp captured_chars(input, :eof) do
    Process.put(:"$phial_capture_input", "")
    input
  end

  defp captured_chars(input, count) do
    {taken, rest} = String.split_at(input, count)
    Process.put(:"$phial_capture_input", rest)
    taken
  end

  # A warning given once per key for the life of the VM.
  def warn_once(key, message, _stacktrace_drop_levels) do
    if :persistent_term.get({:"$phial_warn_once", key}, false) do
      :ok
    else
      :persistent_term.put({:"$phial_warn_once", key}, true)
      IO.warn(message, [])
    end
  end

  defp read_device(device, what) when device in [:stdio, :standard_io] do
    read_stdin(what)
  end

  defp read_device(device, what) do
    if :phial_io.device?(device) and device not in [:stderr, :standard_error] do
      read_file(device, what)
    else
      {:error, :arguments}
    end
  end

  defp read_stdin(what) do
    ref = :phial_io.start_read(what)

    receive do
      {:"$phial_io", ^ref, result} -> result
    end
  end

  defp read_file(device, :line), do: :file.read_line(device) |> unwrap()
  defp read_file(device, :eof), do: read_rest(device, [])
  defp read_file(device, :all), do: read_rest(device, [])
  defp read_file(device, n), do: :file.read(device, n) |> unwrap()

  defp read_rest(device, acc) do
    case :file.read_line(device) do
      {:ok, line} -> read_rest(device, [acc | line])
      :eof when acc == [] -> :eof
      :eof -> IO.iodata_to_binary(acc)
      error -> error
    end
  end

  defp unwrap({:ok, data}), do: data
  defp unwrap(other), do: other
end
