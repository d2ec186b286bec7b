# :io_lib.format / :io.format control sequences, Erlang's term syntax,
# float_to_binary and :string
f = fn fmt, args -> fmt |> :io_lib.format(args) |> IO.chardata_to_string() end

IO.puts("-- terms: ~w and ~p")
terms = [42, -7, 1.0, 0.1, 1.0e10, 1.5e-7, 123456789.0, :ok, :"hello world", :end, Foo, nil,
         "bin", "é", "", 'chars', [], [1, 2 | 3], {}, {1, {2}}, %{}, %{b: 2, a: [1]}, [a: 1]]

for t <- terms do
  IO.puts(f.("~w  ~p", [t, t]))
end

IO.puts("-- ~p over lines")
:io.format("~p~n", [Enum.to_list(1000..1040)])
:io.format("~p~n", [{:ok, Enum.to_list(1..30)}])
:io.format("~p~n", [[Enum.to_list(1..30), Enum.to_list(1..10)]])
:io.format("~p~n", [%{alpha: Enum.to_list(1..30), beta: Enum.to_list(1..10)}])
:io.format("~p~n", [Enum.map(1..12, fn i -> {:item, i, "name #{i}"} end)])
:io.format("~p~n", [Enum.to_list(1..20) ++ [Enum.to_list(1..25)]])
:io.format("label: ~p~n", [Enum.to_list(1..30)])

IO.puts("-- numbers")
IO.puts(f.("~b|~B|~.16b|~.16B|~.2B|~.36B|~8.2.0B|~-6b|~3b", [10, -10, 255, 255, 5, 35, 5, 7, 12345]))
IO.puts(f.("~#|~.16#|~.16+|~.16x|~.16X", [10, 255, 255, 255, '0x', 255, '0x']))
IO.puts(f.("~f|~.1f|~.2f|~.2f|~.2f|~.3f|~10.2f|~-10.2f|", [3.0, 2.25, 0.125, 2.675, -1.005, 1.0e-4, 3.14159, 3.14159]))
IO.puts(f.("~e|~.2e|~.3e|~e|~e", [12345.678, 1.5, 9.9999, 0.0, -1.0e-10]))
IO.puts(f.("~g|~g|~g|~g|~g", [0.5, 100.0, 123456.0, 0.01, 9999.5]))
IO.puts(f.("~3b|~4.1f", [12345, 123.45]))

IO.puts("-- strings and characters")
IO.puts(f.("[~s][~10s][~-10s][~.3s][~10.3s][~3s]", ["a", "right", "left", "truncate", "truncate", "toolong"]))
IO.puts(f.("[~s][~s][~s][~ts]", [:atom, 'chars', ["io", ?d, 'ata'], "ünï"]))
IO.puts(f.("[~c][~3c][~-5.2c][~.*c]", [?a, ?b, ?c, 4, ?d]))
IO.puts(f.("[~*s][~-*s][~.*.*s]", [6, "ab", 6, "ab", 3, ?., "abcdef"]))
IO.puts(f.("~i~s~n~~", [:skipped, "kept"]))
IO.inspect(:io_lib.format("~s", ["bin"]))
IO.inspect(:io_lib.format("a~pb", [1]))
IO.inspect(:lists.flatten(:io_lib.format("~w", [{1, 2}])))

IO.puts("-- :io.format to devices")
:io.format(:standard_io, "to ~s~n", ["stdout"])
:io.format(:standard_error, "to ~s~n", ["stderr"])
:io.fwrite("fwrite ~w~n", [[1, 2]])
:io.put_chars(["put", ~c"_chars", "\n"])
:io.nl()
:io.write({:written, "x"})
:io.nl()

IO.puts("-- errors")

for {fmt, args} <- [{"~b", ["x"]}, {"~s ~s", ["one"]}, {"~s", ["a", "b"]}, {"~f", [1]}, {"~q", [1]}, {"~.0f", [1.0]}, {"~", []}] do
  try do
    :io_lib.format(fmt, args)
    IO.puts("no error for #{inspect(fmt)}")
  rescue
    _ in ArgumentError -> IO.puts("ArgumentError for #{inspect(fmt)}")
  end
end

IO.puts("-- float_to_binary and float_to_list")
IO.inspect(:erlang.float_to_binary(1.5))
IO.inspect(:erlang.float_to_binary(2.25, decimals: 1))
IO.inspect(:erlang.float_to_binary(0.5, decimals: 0))
IO.inspect(:erlang.float_to_binary(123.456, [:compact, decimals: 10]))
IO.inspect(:erlang.float_to_binary(100.0, [{:decimals, 2}, :compact]))
IO.inspect(:erlang.float_to_binary(1.5, scientific: 2))
IO.inspect(:erlang.float_to_binary(1.0e-300, scientific: 3))
IO.inspect(:erlang.float_to_binary(0.1, [:short]))
IO.inspect(:erlang.float_to_list(-0.0, decimals: 2))
IO.inspect(:erlang.float_to_list(1.5))

for args <- [[1, [decimals: 2]], [1.0, [decimals: 300]], [1.0, [:bogus]]] do
  try do
    apply(:erlang, :float_to_binary, args)
  rescue
    e -> IO.puts(Exception.message(e))
  end
end

IO.puts("-- :string")
IO.inspect(:string.to_upper('loud'))
IO.inspect(:string.to_lower(?A))
IO.inspect(:string.uppercase("abc"))
IO.inspect(:string.trim('  a b \n'))
IO.inspect(:string.trim("xxaxx", :both, 'x'))
IO.inspect(:string.trim("  lead", :leading))
IO.inspect(:string.tokens('a,,b;c', ',;'))
IO.inspect(:string.lexemes("a  b", ' '))
IO.inspect(:string.split('a,b,c', ','))
IO.inspect(:string.split("a,b,c", ",", :all))
IO.inspect(:string.split("a,b,c", ",", :trailing))
IO.inspect(:string.replace('abcb', 'b', 'X', :all))
IO.inspect(:string.find("hello", "l"))
IO.inspect(:string.find("hello", "l", :trailing))
IO.inspect(:string.find("hello", "z"))
IO.inspect({:string.length("héllo"), :string.is_empty(""), :string.equal('a', "a")})
IO.inspect({:string.slice("hello", 1, 3), :string.slice('hello', 2)})
IO.inspect(:string.pad('ab', 5))
IO.inspect(:string.pad("ab", 5, :leading, ?-))
IO.inspect({:string.chomp('ab\n'), :string.reverse('abc'), :string.titlecase('hello')})
IO.inspect({:string.to_integer('12ab'), :string.to_integer("x"), :string.to_float('1.5x'), :string.to_float("1")})
IO.inspect({:string.join(['a', 'b'], ', '), :string.concat('a', 'b'), :string.copies('ab', 3)})
