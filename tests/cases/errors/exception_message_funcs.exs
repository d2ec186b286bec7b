# Exception.message/1 and inspect/1 for each core exception type
samples = [
  fn -> raise "r" end,
  fn -> :a + 1 end,
  fn -> Map.fetch!(%{a: 1}, :b) end,
  fn -> [x] = [1, 2]; x end,
  fn -> case 9, do: (0 -> 0) end,
  fn -> cond do: (false -> 0) end,
  fn -> Keyword.get(:not_a_list, :k) end,
  fn -> apply(Nope, :nope, []) end,
  fn -> String.to_integer("nan") end
]
Enum.each(samples, fn f ->
  try do
    f.()
  rescue
    e -> IO.puts(inspect(e.__struct__) <> " | " <> Exception.message(e))
  end
end)
