# binary_parse: a recursive parser over a 10 MB length-prefixed binary
# (`<<len::32, payload::binary-size(len), rest::binary>>`), the way a
# protocol decoder is written. Building the input is not timed; the parse
# is, and it is linear only if `rest` shares the bytes instead of copying.
defmodule BinaryParse do
  def input(target) do
    Stream.iterate(1, &(&1 + 1))
    |> Stream.map(fn i ->
      payload = :binary.copy(<<rem(i, 251)>>, rem(i * 7, 200) + 1)
      [<<byte_size(payload)::32>>, payload]
    end)
    |> Enum.reduce_while({[], 0}, fn rec, {acc, size} ->
      if size >= target, do: {:halt, {acc, size}}, else: {:cont, {[rec | acc], size + IO.iodata_length(rec)}}
    end)
    |> elem(0)
    |> Enum.reverse()
    |> IO.iodata_to_binary()
  end

  def parse(<<len::32, payload::binary-size(len), rest::binary>>, count, sum) do
    <<first, _::binary>> = payload
    parse(rest, count + 1, sum + first + len)
  end

  def parse(<<>>, count, sum), do: {count, sum}
end

data = BinaryParse.input(10_000_000)
t0 = System.monotonic_time(:millisecond)
{count, sum} = BinaryParse.parse(data, 0, 0)
t1 = System.monotonic_time(:millisecond)
IO.puts("binary_parse bytes: #{byte_size(data)} records: #{count} sum: #{sum}")
IO.puts("elapsed_ms: #{t1 - t0}")
