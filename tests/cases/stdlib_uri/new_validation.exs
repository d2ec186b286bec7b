# URI.new/1 and new!/1: RFC 3986 validation, the components found and the
# invalid part reported for bad input.
inputs = [
  "https://elixir-lang.org/", "//elixir-lang.org/", "/foo/bar", "foo/bar", "//[fe80::]/",
  "https:?query", "/invalid_greater_than_in_path/>", "/>", "http://a b/",
  "http://[::1]:80/x", "http://host:99999", "http://host:abc/", "foo bar",
  "http://u@h/p?q[]=1", "http://h/p?q=1#f#g", "a:b", "1http://x", "//h", "",
  "http://h%zz/", "/p%2", "?q", "#f", "mailto:a@b.c", "http://[v1.x]/", "http://[::1/",
  "http://h:/", "http://ü.de/", "http://h/ü", "//[::1::2]/", "//u@h^", "//u:pw@h^",
  "HTTP://Example.COM:8080/a/b?x=1&y=2#top", "ftp://user:secret@files.example/pub",
  "//[::1]abc/x", "//@", "//u@", "x:", "urn:isbn:0451450523", "a:b:c", "//h?#",
  "http://10.0.0.1:8080", "//1.2.3.999/", "http://h/a?b?c/d", "file:///etc/hosts",
  "ws://chat.example:80/", "sftp://h", "unknown://h", "//[::ffff:1.2.3.4]/",
  "//[1:2:3:4:5:6:7:8]/", "//[1:2:3:4:5:6:7:8:9]/", "//[12345::]/", "relative/with:colon",
  "./a:b", "http://h/p%20q", "http://h/[x]"
]

for input <- inputs do
  IO.inspect({input, URI.new(input)})
end

IO.inspect(URI.new(%URI{host: "kept"}))
IO.inspect(URI.new!("https://elixir-lang.org/docs?x=1"))

try do
  URI.new!("/>")
rescue
  e in URI.Error -> IO.inspect({e, Exception.message(e)})
end

try do
  URI.new!("foo bar")
rescue
  e -> IO.puts(Exception.format(:error, e, []))
end
