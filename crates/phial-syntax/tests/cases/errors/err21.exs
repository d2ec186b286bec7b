:ok :ok
