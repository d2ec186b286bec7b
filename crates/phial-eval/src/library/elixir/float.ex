# Float's phial half: constants, pow, the deprecated aliases. Not here:
# parsing, rounding and printing (float.rs).
defmodule Float do
  @moduledoc """
  Functions over 64-bit floating-point numbers: rounding to a number of
  decimal places, parsing and printing.

      iex> Float.round(3.14159, 2)
      3.14
  """

  @doc """
  The largest finite 64-bit float.

      iex> Float.max_finite()
      1.7976931348623157e308
  """
  def max_finite, do: 1.7976931348623157e308
  @doc """
  The most negative finite 64-bit float.

      iex> Float.min_finite()
      -1.7976931348623157e308
  """
  def min_finite, do: -1.7976931348623157e308

  @doc """
  Raises the float `base` to the number `exponent`.

      iex> Float.pow(2.0, 3)
      8.0
  """
  def pow(base, exponent) when is_float(base) and is_number(exponent), do: :math.pow(base, exponent)

  @doc """
  The old spelling of `to_charlist/1`.

      iex> Float.to_char_list(2.0)
      '2.0'
  """
  def to_char_list(float), do: Float.to_charlist(float)
end
