# Regex.run and Regex.scan with their options
log = "GET /a 200 12ms\nPOST /b 404 3ms\nGET /c 500 120ms"
line = ~r/^(GET|POST) (\S+) (\d{3}) (\d+)ms$/m
IO.inspect(Regex.run(line, log))
IO.inspect(Regex.run(line, log, capture: :first))
IO.inspect(Regex.run(line, log, capture: :all_but_first))
IO.inspect(Regex.run(line, log, capture: :none))
IO.inspect(Regex.run(~r/nope/, log, capture: :none))
IO.inspect(Regex.run(line, log, return: :index))
IO.inspect(Regex.run(line, log, offset: 16))
IO.inspect(Regex.run(line, log, offset: 16, capture: [3], return: :index))
IO.inspect(Regex.run(~r/(.)(.)/, "ab", return: :list))
IO.inspect(Regex.scan(line, log, capture: [3]))
IO.inspect(Regex.scan(line, log, capture: :none))
IO.inspect(Regex.scan(line, log, offset: 16, capture: [2]))

errors =
  Regex.scan(line, log, capture: :all_but_first)
  |> Enum.filter(fn [_, _, status, _] -> status >= "400" end)
  |> Enum.map(fn [_, path, status, _] -> {path, String.to_integer(status)} end)
IO.inspect(errors)

# empty matches and where the scan resumes
IO.inspect(Regex.scan(~r/x*/, "axxb"))
IO.inspect(Regex.scan(~r/x*/, "axxb", return: :index))
IO.inspect(Regex.scan(~r/\b/, "ab cd", return: :index))
IO.inspect(Regex.scan(~r/(?=(\w\w))/, "abcd", capture: :all_but_first))
IO.inspect(Regex.scan(~r/^/m, "a\nb\n", return: :index))
IO.inspect(Regex.scan(~r/$/m, "a\nb\n", return: :index))
IO.inspect(Regex.scan(~r//, "a\r\nb", return: :index))
IO.inspect(Regex.scan(~r//s, "a\r\nb", return: :index))

# groups that do not take part
IO.inspect(Regex.run(~r/(a)|(b)/, "b"))
IO.inspect(Regex.run(~r/(a)|(b)/, "a"))
IO.inspect(Regex.run(~r/(a)|(b)/, "a", return: :index))
IO.inspect(Regex.run(~r/(a)?(b)?(c)?/, "b", return: :index))
IO.inspect(Regex.scan(~r/(\d)|([a-z])/, "1a"))

# match? and =~
IO.inspect(Regex.match?(~r/^\d{3}-\d{4}$/, "555-1234"))
IO.inspect(Regex.match?(~r/^\d{3}-\d{4}$/, "5551234"))
IO.inspect("hello world" =~ ~r/wor/)
IO.inspect("hello world" =~ ~r/^wor/)
IO.inspect("hello" =~ "")
IO.inspect(String.match?("2024-02-29", ~r/^\d{4}-\d\d-\d\d$/))

# catastrophic backtracking gives up as PCRE does (no match), in bounded time
IO.inspect(Regex.run(~r/^(a+)+$/, String.duplicate("a", 30) <> "b"))
