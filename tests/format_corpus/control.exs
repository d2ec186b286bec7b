with {:ok, a} <- fetch(:a),
     {:ok, b} <- fetch(:b) do
  a + b
else
  :error -> nil
end
cond do
  x > 1 -> :big
  true -> :small
end
try do
  risky()
rescue
  e in ArgumentError -> {:error, e}
after
  cleanup()
end
