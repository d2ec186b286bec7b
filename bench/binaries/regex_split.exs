# regex_split: split a 10 MB text on runs of whitespace with a regex, then
# count the words and the distinct first letters. Building the text is not
# timed.
defmodule RegexSplit do
  def text(target) do
    words = ~w(alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu)
    gaps = [" ", "  ", "\t", "\n", " \n "]

    Stream.iterate(0, &(&1 + 1))
    |> Stream.map(fn i -> [Enum.at(words, rem(i * 7, 12)), Enum.at(gaps, rem(i * 3, 5))] end)
    |> Enum.reduce_while({[], 0}, fn piece, {acc, size} ->
      if size >= target, do: {:halt, {acc, size}}, else: {:cont, {[piece | acc], size + IO.iodata_length(piece)}}
    end)
    |> elem(0)
    |> Enum.reverse()
    |> IO.iodata_to_binary()
  end
end

text = RegexSplit.text(10_000_000)
t0 = System.monotonic_time(:millisecond)
words = String.split(text, ~r/\s+/, trim: true)
count = length(words)
letters = words |> Enum.map(&binary_part(&1, 0, 1)) |> Enum.uniq() |> Enum.sort()
t1 = System.monotonic_time(:millisecond)
IO.puts("regex_split bytes: #{byte_size(text)} words: #{count} letters: #{Enum.join(letters)}")
IO.puts("elapsed_ms: #{t1 - t0}")
