foo [1]
foo[1]
m[:key][:other]
f(x)[0]
