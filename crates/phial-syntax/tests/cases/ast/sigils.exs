~w(a b c)
~w(a b c)a
~s[x]
~c"abc"
~r/a+b/i
~S(no #{interp})
