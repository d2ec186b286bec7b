# Float's phial half: constants, pow, the deprecated aliases. Not here:
# parsing, rounding and printing (float.rs).
defmodule Float do
  def max_finite, do: 1.7976931348623157e308
  def min_finite, do: -1.7976931348623157e308

  def pow(base, exponent) when is_float(base) and is_number(exponent), do: :math.pow(base, exponent)

  def to_char_list(float), do: Float.to_charlist(float)
end
