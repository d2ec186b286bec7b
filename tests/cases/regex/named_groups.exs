# Named groups: names/1, named_captures/3 and the :capture forms
re = ~r/(?<user>[\w.]+)@(?<domain>[\w-]+(?:\.[\w-]+)+)(?::(?<port>\d+))?/
IO.inspect(Regex.names(re))
IO.inspect(Regex.named_captures(re, "mail ada@lovelace.org now"))
IO.inspect(Regex.named_captures(re, "grace@navy.mil:25"))
IO.inspect(Regex.named_captures(re, "nobody home"))
IO.inspect(Regex.named_captures(re, "x@y.z:8", return: :index))
IO.inspect(Regex.run(re, "x@y.z:8", capture: :all_names))
IO.inspect(Regex.run(re, "x@y.z:8", capture: ["port", "user"]))
IO.inspect(Regex.run(re, "x@y.z:8", capture: [:domain, 0, 3]))
IO.inspect(Regex.run(re, "x@y.z", capture: ["port", "missing"], return: :index))
IO.inspect(Regex.names(~r/(a)(b)/))
IO.inspect(Regex.named_captures(~r/(a)(b)/, "ab"))

# names come back sorted, captures too
IO.inspect(Regex.names(~r/(?<zz>.)(?<aa>.)(?<mm>.)/))
IO.inspect(Regex.run(~r/(?<zz>.)(?<aa>.)(?<mm>.)/, "123", capture: :all_names))

# turning key=value config lines into a map
config = """
host = example.com
port=8080
# comment
  debug =  true
"""
pairs =
  config
  |> String.split("\n")
  |> Enum.map(&Regex.named_captures(~r/^\s*(?<key>\w+)\s*=\s*(?<value>.*?)\s*$/, &1))
  |> Enum.reject(&is_nil/1)
  |> Map.new(fn %{"key" => k, "value" => v} -> {k, v} end)
IO.inspect(pairs)

# scanning with named groups
IO.inspect(Regex.scan(~r/(?<num>\d+)(?<unit>[a-z]+)/, "10kg 5m 3s", capture: :all_names))
IO.inspect(Regex.scan(~r/(?<num>\d+)(?<unit>[a-z]+)/, "10kg 5m 3s", capture: ["unit"]))
