# String's phial half: splitter, the deprecated aliases, and String's
# distance functions (ported from Elixir 1.14's string.ex clause by clause,
# so the results agree to the last bit). Not here: the natives (string.rs).
defmodule String do
  @moduledoc """
  Functions for strings: UTF-8 binaries, written `"..."`. Lengths and
  positions count graphemes (what a reader sees as one character), while
  `byte_size/1` counts bytes.

      iex> String.length("héllo")
      5
  """

  # A stream of the parts, split when it is first enumerated.
  @doc """
  A lazy stream of the parts `split/3` would give, made as they are asked
  for.

      iex> Enum.take(String.splitter("a b c", " "), 2)
      ["a", "b"]
  """
  def splitter(string, pattern, options \\ []) do
    fn acc, fun -> Enumerable.reduce(String.split(string, pattern, options), acc, fun) end
  end

  @doc """
  The old `pad_trailing/2`: pads with spaces at the end.

      iex> String.ljust("a", 3)
      "a  "
  """
  def ljust(subject, length), do: ljust(subject, length, ?\s)

  @doc """
  The old `pad_trailing/3`, with the padding a character code.

      iex> String.ljust("a", 3, ?.)
      "a.."
  """
  def ljust(subject, length, pad) when is_integer(pad) and is_integer(length) and length >= 0,
    do: String.pad_trailing(subject, length, utf8(pad))

  @doc """
  The old `pad_leading/2`: pads with spaces at the front.

      iex> String.rjust("a", 3)
      "  a"
  """
  def rjust(subject, length), do: rjust(subject, length, ?\s)

  @doc """
  The old `pad_leading/3`, with the padding a character code.

      iex> String.rjust("7", 3, ?0)
      "007"
  """
  def rjust(subject, length, pad) when is_integer(pad) and is_integer(length) and length >= 0,
    do: String.pad_leading(subject, length, utf8(pad))

  @doc """
  The old name of `trim_leading/1`.

      iex> String.lstrip(" a ")
      "a "
  """
  def lstrip(string), do: String.trim_leading(string)
  @doc """
  The old `trim_leading/2`, with the character to strip as a code.

      iex> String.lstrip("xxa", ?x)
      "a"
  """
  def lstrip(string, char) when is_integer(char), do: String.replace_leading(string, utf8(char), "")
  @doc """
  The old name of `trim_trailing/1`.

      iex> String.rstrip(" a ")
      " a"
  """
  def rstrip(string), do: String.trim_trailing(string)
  @doc """
  The old `trim_trailing/2`, with the character to strip as a code.

      iex> String.rstrip("axx", ?x)
      "a"
  """
  def rstrip(string, char) when is_integer(char), do: String.replace_trailing(string, utf8(char), "")
  @doc """
  The old name of `trim/1`.

      iex> String.strip(" a ")
      "a"
  """
  def strip(string), do: String.trim(string)
  @doc """
  The old `trim/2`, with the character to strip as a code.

      iex> String.strip("xax", ?x)
      "a"
  """
  def strip(string, char), do: String.trim(string, utf8(char))
  @doc """
  The old spelling of `to_charlist/1`.

      iex> String.to_char_list("ab")
      'ab'
  """
  def to_char_list(string), do: String.to_charlist(string)

  # <<char::utf8>>: a code point that UTF-8 cannot encode is a plain
  # ArgumentError.
  defp utf8(char) when is_integer(char) and char >= 0 and char <= 0x10FFFF and (char < 0xD800 or char > 0xDFFF),
    do: List.to_string([char])

  defp utf8(_char), do: raise(ArgumentError)

  @doc """
  The edit script from `string1` to `string2`, as `:eq`, `:del` and `:ins`
  runs.

      iex> String.myers_difference("abc", "adc")
      [eq: "a", del: "b", ins: "d", eq: "c"]
  """
  def myers_difference(string1, string2) when is_binary(string1) and is_binary(string2) do
    String.graphemes(string1)
    |> List.myers_difference(String.graphemes(string2))
    |> Enum.map(fn {kind, chars} -> {kind, Enum.join(chars)} end)
  end

  @doc """
  A quick similarity from 0.0 to 1.0 from the graphemes both strings have.

      iex> String.bag_distance("abc", "abc")
      1.0
  """
  def bag_distance(_string, ""), do: 0.0
  def bag_distance("", _string), do: 0.0

  def bag_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    {bag1, length1} = string_to_bag(String.graphemes(string1), %{}, 0)
    {bag2, length2} = string_to_bag(String.graphemes(string2), %{}, 0)

    diff1 = bag_difference(bag1, bag2)
    diff2 = bag_difference(bag2, bag1)

    1 - max(diff1, diff2) / max(length1, length2)
  end

  defp string_to_bag([gc | rest], bag, length), do: string_to_bag(rest, Map.update(bag, gc, 1, &(&1 + 1)), length + 1)
  defp string_to_bag([], bag, length), do: {bag, length}

  defp bag_difference(bag1, bag2) do
    Enum.reduce(bag1, 0, fn {char, count1}, sum ->
      case Map.fetch(bag2, char) do
        {:ok, count2} -> sum + max(count1 - count2, 0)
        :error -> sum + count1
      end
    end)
  end

  @doc """
  How alike two strings are, from 0.0 (nothing in common) to 1.0 (equal).

      iex> String.jaro_distance("same", "same")
      1.0
  """
  def jaro_distance(string, string) when is_binary(string), do: 1.0
  def jaro_distance(string, "") when is_binary(string), do: 0.0
  def jaro_distance("", string) when is_binary(string), do: 0.0

  def jaro_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    chars1 = String.graphemes(string1)
    chars2 = String.graphemes(string2)
    len1 = length(chars1)
    len2 = length(chars2)

    case jaro_match(chars1, len1, chars2, len2) do
      {0, _trans} -> 0.0
      {comm, trans} -> (comm / len1 + comm / len2 + (comm - trans) / comm) / 3
    end
  end

  defp jaro_match(chars1, len1, chars2, len2) do
    if len1 < len2 do
      jaro_match(chars1, chars2, div(len2, 2) - 1)
    else
      jaro_match(chars2, chars1, div(len1, 2) - 1)
    end
  end

  defp jaro_match(chars1, chars2, lim), do: jaro_match(chars1, chars2, {0, lim}, {0, 0, -1}, 0)

  defp jaro_match([char | rest], chars, range, state, idx) do
    {chars, state} = submatch(char, chars, range, state, idx)

    case range do
      {lim, lim} -> jaro_match(rest, tl(chars), range, state, idx + 1)
      {pre, lim} -> jaro_match(rest, chars, {pre + 1, lim}, state, idx + 1)
    end
  end

  defp jaro_match([], _, _, {comm, trans, _}, _), do: {comm, trans}

  defp submatch(char, chars, {pre, _} = range, state, idx) do
    case detect(char, chars, range) do
      nil -> {chars, state}
      {subidx, chars} -> {chars, proceed(state, idx - pre + subidx)}
    end
  end

  defp detect(char, chars, {pre, lim}), do: detect(char, chars, pre + 1 + lim, 0, [])

  defp detect(_char, _chars, 0, _idx, _acc), do: nil
  defp detect(_char, [], _lim, _idx, _acc), do: nil
  defp detect(char, [char | rest], _lim, idx, acc), do: {idx, Enum.reverse(acc, [nil | rest])}
  defp detect(char, [other | rest], lim, idx, acc), do: detect(char, rest, lim - 1, idx + 1, [other | acc])

  defp proceed({comm, trans, former}, current) do
    if current < former, do: {comm + 1, trans + 1, current}, else: {comm + 1, trans, current}
  end
end
