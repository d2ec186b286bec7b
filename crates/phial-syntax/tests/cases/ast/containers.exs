[h | t]
[a, b | t]
[a: 1, "quoted key": 2]
{1, 2}
%{k => v, a: 1}
%{m | a: 2}
%Foo{a: 1}
%Foo.Bar{s | a: 1}
%{}
