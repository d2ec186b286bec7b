# with ... else
lookup = %{"alice" => 1, "bob" => 2}
ages = %{1 => 30, 2 => 15}
check = fn name ->
  with {:ok, id} <- Map.fetch(lookup, name),
       {:ok, age} <- Map.fetch(ages, id),
       :adult <- (if age >= 18, do: :adult, else: :minor) do
    "#{name} (#{id}) is #{age}"
  else
    :error -> "#{name} not found"
    :minor -> "#{name} is a minor"
  end
end
IO.puts(check.("alice"))
IO.puts(check.("bob"))
IO.puts(check.("carol"))
IO.inspect(with {:ok, x} <- {:error, 1}, do: x)
IO.inspect(with x <- 5, y = x * 2, do: {x, y})
