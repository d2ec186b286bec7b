some_function_name(first_argument_value, second_argument_value, third_argument_value, fourth)
Enum.each(items, fn item -> IO.puts("item: #{item}"); IO.puts("done with it") end)
