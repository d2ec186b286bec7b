# The script's own process over its max_heap_size is killed like any other:
# the script ends with exit status 1 and nothing after it runs.
IO.puts("before")
Process.flag(:max_heap_size, %{size: 10_000, error_logger: false})
l = Enum.to_list(1..100_000)
IO.puts("after #{length(l)}")
