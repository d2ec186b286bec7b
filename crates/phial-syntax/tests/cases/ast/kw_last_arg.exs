f a, b: 1
if x, do: 1, else: 2
def f(x), do: x
foo(1, a: 2)
[1, a: 2]
{1, a: 2}
%{"k" => 1, a: 2}
