# IO: reading an empty standard input, writing to devices, iodata and
# chardata conversions, device errors
IO.puts("-- standard input is empty")
IO.inspect(IO.gets("prompt> "), label: "\ngets")
IO.inspect(IO.gets(:stdio, ""), label: "gets/2")
IO.inspect(IO.read(:stdio, :line), label: "read :line")
IO.inspect(IO.read(:stdio, :eof), label: "read :eof")
IO.inspect(IO.read(:stdio, 5), label: "read 5")
IO.inspect(IO.binread(:stdio, :line), label: "binread :line")
IO.inspect(IO.stream(:stdio, :line) |> Enum.to_list(), label: "stream")
IO.inspect(IO.stream() |> Stream.map(&String.upcase/1) |> Enum.count(), label: "stream/0")

IO.puts("-- devices")
IO.write(:standard_io, "standard_io\n")
IO.puts(:stdio, ["chardata ", 'list ', ?!])
IO.binwrite(:stdio, ["bin", "write\n"])
IO.puts(:stderr, "not in stdout")
IO.write(:standard_error, "nor this\n")
IO.warn("a warning goes to stderr")
IO.inspect(:stderr, :also_stderr, [])
IO.inspect(:stdio, [1, 2], label: "inspect/3")

for f <- [fn -> IO.puts(:nowhere, "x") end, fn -> IO.inspect(IO.gets(:nowhere, "")) end, fn -> IO.inspect(IO.read(:nowhere, :line)) end] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.puts("-- iodata and chardata")
IO.inspect(IO.iodata_to_binary(["a", [?b, ["c"]], 'd']))
IO.inspect(IO.iodata_length([[], "ab", [?c | "de"]]))
IO.inspect(IO.chardata_to_string(['héllo', " ", [?w, "orld"]]))
IO.inspect(IO.chardata_to_string("already"))

for f <- [
      fn -> IO.iodata_to_binary([:a]) end,
      fn -> IO.iodata_length(3) end,
      fn -> IO.chardata_to_string(:atom) end,
      fn -> IO.chardata_to_string([-1]) end,
      fn -> IO.chardata_to_string(["ok", [?a, 2_000_000]]) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
