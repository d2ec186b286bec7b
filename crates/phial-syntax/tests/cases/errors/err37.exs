f(x,, y)
