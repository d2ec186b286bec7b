# Calling functions that don't exist at runtime
defmodule Exists do
  def here(x), do: x
end
calls = [
  fn -> apply(Exists, :nothere, []) end,
  fn -> apply(Exists, :here, [1, 2]) end,
  fn -> apply(NoSuchModule, :f, [1]) end,
  fn -> apply(String, :no_such_fun, ["x"]) end
]
for c <- calls do
  try do
    c.()
  rescue
    e in UndefinedFunctionError -> IO.puts(Exception.message(e))
  end
end
