unquote(name)(args)
def unquote(name)(a), do: a
f.(a)(b)
alias A.{B, C}
alias A.{B.C, D}
quote do: unquote_splicing(x)
%{unquote_splicing(kv)}
%{m | unquote_splicing(kv)}
%File.Stat{unquote_splicing(pairs)}
%unquote(m){a: 1}
%^mod{a: 1}
%:"Elixir.M"{}
%@s{}
Elixir.Kernel.@(x)
:erlang."=:="(a, b)
Foo."42"()
(..)
