# Macro: classify_atom/inspect_atom, the prewalker/postwalker enumerables, path, validate, unique arguments, unescaping, expand_literal, struct!
for a <- [:foo, Foo, Foo.Bar, :foo@bar, :+, :Foo, :"with spaces", :"::", :%{}, :.., :foo?, :"foo?!", :_x, :é, :"Elixir.foo", nil, true, :<>, :"", :"1a", :->] do
  IO.inspect({a, Macro.classify_atom(a), Macro.inspect_atom(:literal, a), Macro.inspect_atom(:key, a), Macro.inspect_atom(:remote_call, a)})
end
ast = quote do: foo(1, "abc")
IO.inspect Enum.map(Macro.prewalker(ast), & &1)
IO.inspect Enum.map(Macro.postwalker(ast), & &1)
ast2 = quote do: %{a: [b: 1 + 2], c: x.y(z)}
IO.inspect Enum.to_list(Macro.prewalker(ast2))
IO.inspect Enum.to_list(Macro.postwalker(ast2))
IO.inspect Enum.take(Macro.prewalker(ast2), 3)
IO.inspect Enum.take(Macro.postwalker(ast2), 3)
IO.inspect Stream.zip(Macro.prewalker(ast), Macro.postwalker(ast)) |> Enum.to_list()
IO.inspect Macro.path(quote(do: [1, 2, 3]), & &1 == 3)
IO.inspect Macro.path(quote(do: Foo.bar(3)), & &1 == 3)
IO.inspect Macro.path(quote(do: %{foo: [bar: :baz]}), & &1 == :baz)
IO.inspect Macro.path(quote(do: foo(1)), & &1 == 9)
IO.inspect Macro.validate({:two_element, :tuple})
IO.inspect Macro.validate({:three, :element, :tuple})
IO.inspect Macro.validate([1, 2, 3, {4}])
IO.inspect Macro.validate(quote do: f(&Enum.map/2))
IO.inspect Macro.validate(%{a: 1})
IO.inspect Macro.validate(&Enum.map/2)
IO.inspect Macro.validate(fn -> 1 end) |> elem(0)
IO.inspect Macro.generate_unique_arguments(0, __MODULE__)
IO.inspect Macro.generate_unique_arguments(2, :ctx) |> Enum.map(fn {n, [counter: c], ctx} -> {n, is_integer(c), ctx} end)
IO.inspect Macro.unescape_string("a\\nb\\tc\\x41\\u00e9\\u{1F600}\\q\\\\")
IO.inspect Macro.unescape_string("a\\\nb")
IO.inspect Macro.unescape_string("x\\ny\\e", fn ?n -> ?N; _ -> false end)
IO.inspect Macro.unescape_string("x\\x41\\u0041", fn :hex -> false; :unicode -> false; _ -> false end)
IO.inspect Macro.unescape_tokens(["a\\n", :b, "c\\t"])
IO.inspect Macro.unescape_tokens(["a\\n", 1], fn _ -> false end)
IO.inspect Macro.expand_literal(quote(do: [Foo.Bar, 1]), __ENV__)
IO.inspect Macro.expand_literal(quote(do: foo(Foo)), __ENV__)
defmodule S do
  defstruct a: 1, b: 2
end
IO.inspect Macro.struct!(S, __ENV__)
try do
  Macro.unescape_string("\\xZ")
rescue
  e -> IO.inspect e
end
try do
  Macro.unescape_string("\\u12")
rescue
  e -> IO.inspect e
end
alias Foo.Bar, as: B
IO.inspect Macro.expand(quote(do: B.C), __ENV__)
IO.inspect Macro.expand(quote(do: Elixir.B), __ENV__)
IO.inspect Macro.expand_literal(quote(do: %{k: B, l: [B.D]}), __ENV__)
IO.inspect Macro.expand_once(quote(do: Foo), __ENV__)
