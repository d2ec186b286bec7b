@typedoc since: "1.14.0"
@moduletag area: :net, slow: true
@v -1
@v - 1
if x > @max do 1 end
for x <- @xs do x end
@type(t :: integer)
@foo bar do 1 end
@foo(1, 2)
@1
@Upper
@{:a, 1}
@x.y
@x[:k]
