# System.argv/0 is a list of strings; with no args it is empty
args = System.argv()
IO.inspect(is_list(args))
IO.inspect(length(args))
case args do
  [] -> IO.puts("no arguments")
  _ -> IO.puts("got arguments")
end
