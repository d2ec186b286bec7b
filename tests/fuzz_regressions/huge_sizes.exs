IO.inspect(Enum.take(1..9_223_372_036_854_775_807, 3))
IO.inspect(Integer.digits(1234, 100))
String.duplicate("ab", 2 ** 62)
