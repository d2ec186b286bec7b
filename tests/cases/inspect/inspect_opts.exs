# inspect/2 options: pretty, width, limit, charlists
data = %{alpha: Enum.to_list(1..20), beta: "text", gamma: {:ok, [a: 1]}}
IO.puts(inspect(data))
IO.puts(inspect(data, pretty: true))
IO.puts(inspect(data, pretty: true, width: 40))
IO.puts(inspect([1, 2, 3], limit: 2))
IO.puts(inspect('abc', charlists: :as_lists))
IO.inspect(Enum.to_list(1..20), width: 30)
