# String.split_at, String.to_charlist, String.valid?, String.jaro-free misc helpers
IO.inspect(String.split_at("abcdef", 2))
IO.inspect(String.split_at("abc", -1))
IO.inspect(String.to_charlist("abc"))
IO.inspect(String.valid?("ok"))
IO.inspect(String.equivalent?("a", "a"))
IO.inspect(String.replace_prefix("foobar", "foo", ""))
IO.inspect(String.replace_suffix("foobar", "bar", "baz"))
