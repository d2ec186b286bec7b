# Segments bound to `_` are skipped without building them: the match must
# still check their sizes and what follows them.
defmodule Skip do
  def third(<<_::binary-size(2), x, _::binary>>), do: {:ok, x}
  def third(_), do: :error

  def after_bits(<<_::bits-size(3), x::5, _::bitstring>>), do: {:ok, x}
  def after_bits(_), do: :error

  def tail_only(<<_::binary>>), do: :binary
  def tail_only(_), do: :not_binary

  def count(<<_, rest::binary>>, n), do: count(rest, n + 1)
  def count(<<>>, n), do: n
end

IO.inspect(Skip.third("abcdef"))
IO.inspect(Skip.third("ab"))
IO.inspect(Skip.after_bits(<<0b10110111, 1>>))
IO.inspect(Skip.after_bits(<<1::4>>))
IO.inspect(Skip.tail_only(<<1, 2, 3>>))
IO.inspect(Skip.tail_only(<<1::3>>))
IO.inspect(Skip.count(:binary.copy("xy", 4_294_967_296), 0))
<<_::binary-size(4), rest::binary>> = "skip this"
IO.inspect(rest)
IO.inspect(match?(<<_::binary-size(10), _::binary>>, "short"))
