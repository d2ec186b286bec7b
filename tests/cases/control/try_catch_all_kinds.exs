# A single try catching throw, exit and error with kind
for f <- [fn -> throw(:t) end, fn -> exit(:e) end, fn -> raise "r" end, fn -> :erlang.error(:badarg) end, fn -> 1 / 0 end] do
  result =
    try do
      f.()
    catch
      :throw, v -> {:throw, v}
      :exit, v -> {:exit, v}
      :error, %RuntimeError{message: m} -> {:error_runtime, m}
      :error, v -> {:error, v}
    end
  IO.inspect(result)
end
