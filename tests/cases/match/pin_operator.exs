# The pin operator matches against an existing value
x = 10
^x = 10
IO.puts("pinned match ok")
case 10 do
  ^x -> IO.puts("matched pinned x")
  _ -> IO.puts("no")
end
case 11 do
  ^x -> IO.puts("matched pinned x")
  other -> IO.puts("other: #{other}")
end
key = :b
%{^key => found} = %{a: 1, b: 2}
IO.inspect(found)
list = [1, 2]
{^list, tag} = {[1, 2], :tagged}
IO.inspect(tag)
f = fn
  ^x -> :same_as_x
  _ -> :different
end
IO.inspect(f.(10))
IO.inspect(f.(3))
try do
  ^x = 11
rescue
  e in MatchError -> IO.puts(Exception.message(e))
end
