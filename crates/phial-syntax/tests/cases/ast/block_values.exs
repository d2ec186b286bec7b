[if a do 1 else 2 end, 3]
IO.inspect(case x do _ -> 1 end, label: "y")
if a do 1 end + 2
x = case y do _ -> 1 end |> f()
%{k => if a do 1 end}
{quote do x end, 1}
!if a do true end
for x <- xs do x end |> Enum.sort()
foo bar do 1 end
[foo a, b do 1 end]
