# The u modifier: code points instead of bytes, Unicode classes and properties
words = "Ünïcødé wörds, ñandú and 日本語 text"
IO.inspect(Regex.scan(~r/\w+/u, words) |> List.flatten())
IO.inspect(Regex.scan(~r/[[:alpha:]]+/u, words) |> List.flatten())
IO.inspect(Regex.scan(~r/\p{L}+/u, words) |> length())
IO.inspect(Regex.scan(~r/\p{Lu}/u, words))
IO.inspect(Regex.scan(~r/\p{Han}/u, words))
IO.inspect(Regex.run(~r/日本/u, words, return: :index))

# byte offsets either way; . is one code point with u
IO.inspect(Regex.run(~r/ñ./u, words))
IO.inspect(Regex.run(~r/ñ./u, words, return: :index))
IO.inspect(Regex.match?(~r/^.{7}$/u, "Ünïcødé"))
IO.inspect(Regex.match?(~r/^.{7}$/, "Ünïcødé"))
IO.inspect(Regex.scan(~r//u, "añb", return: :index))
IO.inspect(Regex.split(~r//u, "añb"))

# without u, \w and [[:alpha:]] are ASCII plus Latin-1 bytes
IO.inspect(Regex.match?(~r/^\w+$/, "abc_123"))
IO.inspect(Regex.run(~r/\w+/, "naïve", return: :index))
IO.inspect(Regex.run(~r/\w+/u, "naïve", return: :index))

# \s and non-breaking spaces, digits in other scripts
IO.inspect(Regex.replace(~r/\s/, "a\u00A0b c", "_"))
IO.inspect(Regex.replace(~r/\s/u, "a\u00A0b c", "_"))
IO.inspect(Regex.match?(~r/^\d+$/u, "١٢٣"))
IO.inspect(Regex.match?(~r/^\d+$/, "١٢٣"))

# caseless with and without u
IO.inspect(Regex.match?(~r/ÉCOLE/i, "école"))
IO.inspect(Regex.match?(~r/ÉCOLE/iu, "école"))
IO.inspect(Regex.replace(~r/straße/iu, "STRAßE Straße", "street"))

# code point escapes and extended grapheme clusters
IO.inspect(Regex.run(~r/\x{1F600}/u, "smile 😀!"))
IO.inspect(Regex.scan(~r/\X/u, "e\u0301a\r\nb") |> length())
IO.inspect(Regex.scan(~r/\p{Sc}/u, "$5, £3, €2, ¥1"))
