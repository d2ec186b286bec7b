~r/a+\/b/i
~w(a b)a
~s{x [y]}
~s[x]
~s<x>
~s|x|
~s"x\"y"
~s'x'
~c(abc)
~S(a\n#{b})
~r{^\d+$}u
~S"""
raw #{x}
"""
~s"""
a #{x}
"""
