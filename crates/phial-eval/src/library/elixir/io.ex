# IO's phial half: what reads standard input (gets, getn, read,
# binread, stream, binstream) and warn_once. The read itself happens on a thread of :phial_io, and the
# process waits for its answer in receive, parked like any waiting
# process, so a script waiting for input holds no scheduler thread.
# Not here: writing and inspecting (io.rs).
defmodule IO do
  @moduledoc """
  Reading and writing through devices: `:stdio` (the default),
  `:stderr`, or a file opened with `File.open/2`. Output takes chardata
  or iodata, so nested lists of strings and characters are written
  without being joined first.

      iex> IO.puts(["Hello", ?,, " world"])
      Hello, world
      :ok
  """

  @doc """
  Writes `prompt` and reads a line from standard input, newline included;
  gives `:eof` at the end of input.

      iex> ExUnit.CaptureIO.capture_io("Ann\\n", fn -> IO.write(IO.gets("name? ")) end)
      "name? Ann\\n"
  """
  def gets(prompt), do: gets(:stdio, prompt)

  @doc """
  Like `gets/1`, from `device` (a file opened with `File.open/2`, say).

      iex> path = Path.join(System.tmp_dir!(), "phial_io_doc.txt")
      iex> File.write!(path, "ab\\ncd\\n")
      iex> File.open!(path) |> IO.gets("")
      "ab\\n"
  """
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

  @doc """
  Reads from `device`: `:line` for one line, `:eof` for everything left,
  or a count of characters. Gives `:eof` when there is nothing left.

      iex> path = Path.join(System.tmp_dir!(), "phial_io_doc.txt")
      iex> File.write!(path, "ab\\ncd\\n")
      iex> File.open!(path) |> IO.read(:line)
      "ab\\n"
  """
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

  @doc """
  Like `read/2`, counting bytes rather than characters and giving the raw
  bytes.

      iex> path = Path.join(System.tmp_dir!(), "phial_io_doc.txt")
      iex> File.write!(path, "ab\\ncd\\n")
      iex> File.open!(path) |> IO.binread(3)
      "ab\\n"
  """
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

  @doc """
  A stream of the lines of standard input, read as it is consumed.

      iex> ExUnit.CaptureIO.capture_io(fn -> IO.stream() |> Stream.take(0) |> Enum.to_list() |> IO.inspect() end)
      "[]\\n"
  """
  def stream, do: stream(:stdio, :line)

  @doc """
  A stream over `device`: of its lines for `:line`, or of pieces of that
  many characters for a count. Nothing is read until it is consumed.

      iex> path = Path.join(System.tmp_dir!(), "phial_io_doc.txt")
      iex> File.write!(path, "ab\\ncd\\n")
      iex> File.open!(path) |> IO.stream(:line) |> Enum.to_list()
      ["ab\\n", "cd\\n"]
  """
  def stream(device \\ :stdio, line_or_codepoints)
      when line_or_codepoints == :line or (is_integer(line_or_codepoints) and line_or_codepoints > 0) do
    Stream.resource(fn -> device end, &IO.each_stream(&1, line_or_codepoints), fn _ -> :ok end)
  end

  @doc """
  A stream of the lines of standard input as raw bytes.

      iex> ExUnit.CaptureIO.capture_io(fn -> IO.binstream() |> Stream.take(0) |> Enum.to_list() |> IO.inspect() end)
      "[]\\n"
  """
  def binstream, do: binstream(:stdio, :line)

  @doc """
  Like `stream/2`, counting bytes rather than characters.

      iex> path = Path.join(System.tmp_dir!(), "phial_io_doc.txt")
      iex> File.write!(path, "ab\\ncd\\n")
      iex> File.open!(path) |> IO.binstream(2) |> Enum.take(2)
      ["ab", "\\nc"]
  """
  def binstream(device \\ :stdio, line_or_bytes)
      when line_or_bytes == :line or (is_integer(line_or_bytes) and line_or_bytes > 0) do
    Stream.resource(fn -> device end, &IO.each_binstream(&1, line_or_bytes), fn _ -> :ok end)
  end

  # One step of a stream over a device (public, as Elixir's are, for
  # the stream to call).
  @doc false
  def each_stream(device, line_or_codepoints) do
    case read(device, line_or_codepoints) do
      :eof -> {:halt, device}
      {:error, reason} -> stream_error(reason)
      data -> {[data], device}
    end
  end

  @doc false
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

  @doc """
  Writes `prompt` and reads `count` characters (`:eof` for all that is
  left) from standard input; `getn(device, prompt)` reads one from
  `device`.

      iex> ExUnit.CaptureIO.capture_io("xyz", fn -> IO.getn("? ", 2) |> IO.inspect() end)
      "? \\"xy\\"\\n"
  """
  def getn(prompt, count \\ 1)
  def getn(prompt, :eof), do: getn(:stdio, prompt, :eof)
  def getn(prompt, count) when is_integer(count) and count > 0, do: getn(:stdio, prompt, count)
  def getn(device, prompt) when not is_integer(prompt), do: getn(device, prompt, 1)

  @doc """
  Like `getn/2`, from `device`.

      iex> path = Path.join(System.tmp_dir!(), "phial_io_doc.txt")
      iex> File.write!(path, "ab\\ncd\\n")
      iex> File.open!(path) |> IO.getn("", 4)
      "ab\\nc"
  """
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
  @doc false
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
