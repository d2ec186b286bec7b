# URI.parse/1 (no validation, :authority kept), string forms, encoding and
# decoding, query strings, merge/2, default ports and append_query/2.
for s <- ["https://elixir-lang.org/", "//elixir-lang.org/", "/foo/bar", "foo/bar",
          "http://user:pw@[::1]:4000/a?b=1#c", "HTTP://EX.com", "/invalid_greater_than_in_path/>",
          "?foo[bar]=baz", "", "mailto:me@x.org", "http://h:/x", "http://h:81"] do
  IO.inspect(URI.parse(s))
end

IO.inspect(URI.parse(%URI{host: "same"}))
IO.puts(URI.to_string(URI.parse("http://google.com")))
IO.puts(URI.parse("foo://bar.baz"))
IO.puts(URI.parse("https://u@[::1]:443/p?q=1#f"))
IO.puts(URI.parse("https://h:8443/p"))
IO.puts(%URI{authority: "only.authority", path: "/x"})
IO.puts("#{URI.parse("ws://chat/room")}")

try do
  to_string(%URI{host: "h", path: "relative"})
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end

IO.puts(URI.encode("ftp://s-ite.tld/?value=put it+й"))
IO.puts(URI.encode("a string", &(&1 != ?i)))
IO.puts(URI.encode_www_form("put: it+й"))
IO.puts(URI.decode("https%3A%2F%2Felixir-lang.org"))
IO.puts(URI.decode("100% sure %4"))
IO.puts(URI.decode_www_form("%3Call+in%2F"))
IO.inspect(Enum.map([?+, ?a, ?{, ?~, ?/], &{URI.char_reserved?(&1), URI.char_unreserved?(&1), URI.char_unescaped?(&1)}))

IO.puts(URI.encode_query(%{"foo" => 1, "bar" => 2}))
IO.puts(URI.encode_query(%{"key" => "value with spaces"}))
IO.puts(URI.encode_query(%{"key" => "value with spaces"}, :rfc3986))
IO.puts(URI.encode_query([a: :b, c: "d&e"]))

try do
  URI.encode_query(%{key: [:a, :list]})
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end

IO.inspect(URI.decode_query("foo=1&bar=2"))
IO.inspect(URI.decode_query("percent=oh+yes%21", %{"starting" => "map"}))
IO.inspect(URI.decode_query("percent=oh+yes%21", %{}, :rfc3986))
IO.inspect(URI.decode_query("a&b=&=c&a=2"))
IO.inspect(URI.query_decoder("foo=1&bar=2") |> Enum.to_list())
IO.inspect(URI.query_decoder("food=bread%26butter&drinks=tap%20water+please", :rfc3986) |> Enum.to_list())

IO.puts(URI.merge(URI.parse("http://google.com"), "/query"))
IO.puts(URI.merge("http://example.com", "http://google.com"))
IO.puts(URI.merge("http://a/b/c/d;p?q", "../../g"))
IO.puts(URI.merge("http://a/b/c/d;p?q", "./g/."))
IO.puts(URI.merge("http://a/b/c/d;p?q", "//other/x/../y"))
IO.puts(URI.merge("http://a/b/c/d;p?q", "?y"))
IO.puts(URI.merge("http://a/b/c/d;p?q", "#s"))
IO.puts(URI.merge("http://a/b/c/d;p?q", "../../../../g"))

try do
  URI.merge("/relative", "x")
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end

IO.inspect({URI.default_port("ftp"), URI.default_port("wss"), URI.default_port("ponzi")})
URI.default_port("ponzi", 8080)
IO.inspect(URI.default_port("ponzi"))
IO.inspect(URI.parse("ponzi://h/"))
IO.puts(URI.parse("ponzi://h:8080/"))

uri = URI.parse("http://example.com")
IO.puts(URI.append_query(uri, "x=1"))
IO.puts(uri |> URI.append_query("x=1") |> URI.append_query("y=2"))
IO.puts(URI.append_query(URI.parse("http://example.com/?x=1&"), "x=2"))
IO.inspect(URI.__struct__() |> Map.keys())
