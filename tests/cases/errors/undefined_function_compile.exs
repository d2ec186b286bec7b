# A call to an undefined local function is a compile error: nothing runs
IO.puts("this line is never printed")
undefined_helper(1)
