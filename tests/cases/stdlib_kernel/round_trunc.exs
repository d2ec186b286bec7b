# round/1 and trunc/1
IO.inspect(round(2.5))
IO.inspect(round(3.5))
IO.inspect(round(-2.5))
IO.inspect(round(2.4))
IO.inspect(round(7))
IO.inspect(trunc(2.9))
IO.inspect(trunc(-2.9))
IO.inspect(trunc(5))
IO.inspect(round(1.0e20))
IO.inspect(trunc(123456789.987))
try do
  round("1.5")
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
