# IO's phial half: what reads standard input (gets, read, binread,
# stream). The read itself happens on a thread of :phial_io, and the
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

  def stream(device, line_or_codepoints) when line_or_codepoints == :line or (is_integer(line_or_codepoints) and line_or_codepoints > 0) do
    Stream.resource(
      fn -> device end,
      fn device ->
        case read(device, line_or_codepoints) do
          data when is_binary(data) -> {[data], device}
          _ -> {:halt, device}
        end
      end,
      fn _ -> :ok end
    )
  end

  def binstream, do: stream(:stdio, :line)
  def binstream(device, line_or_bytes), do: stream(device, line_or_bytes)

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
