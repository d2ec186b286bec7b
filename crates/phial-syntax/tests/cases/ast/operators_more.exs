a ||| b
a &&& b
a <<< 2 >>> 1
a ^^^ b
~~~a
a ~> b <~ c
a <~> b <|> c
a <<~ b ~>> c
a +++ b --- c
a ||| b &&& c
a + b <<< c
a in b ^^^ c
a |> b ~> c
x = a | b
a :: b | c
a | b :: c
a when b: 1, c: 2
