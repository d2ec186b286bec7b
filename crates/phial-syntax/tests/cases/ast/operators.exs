a not in b
a in b
1..10
1..10//2
!a && not b || c and d or e
a === b and a !== c
a == b != c
a =~ b
x :: integer
^x = 1
a ** b ** c
a ++ b ++ c
a -- b
a <> b <> c
a - b - c
a * b / c
a < b <= c
x = y = 1
