# Errors from register and from sending to an unknown name
try do
  send(:no_such_name, :msg)
rescue
  e in ArgumentError -> IO.inspect(e)
end
Process.register(self(), :taken)
try do
  Process.register(spawn(fn -> :ok end), :taken)
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end
try do
  Process.unregister(:not_registered)
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end
