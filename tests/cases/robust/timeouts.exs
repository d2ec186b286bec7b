# Timeout values as the BEAM takes them: 0..2^32-1 ms or :infinity in
# `receive ... after`; Process.send_after up to about 2^43 ms.
for t <- [-1, 4_294_967_296, 4_294_967_295 + 1, :foo, 1.5] do
  try do
    receive do
      :never -> :ok
    after
      t -> IO.puts("timed out")
    end
  rescue
    e -> IO.inspect({t, e.__struct__, Exception.message(e)})
  end
end
receive do
  :never -> :ok
after
  0 -> IO.puts("zero")
end

for t <- [-1, 2 ** 50, 2 ** 64, 1.5] do
  try do
    Process.send_after(self(), :x, t)
  rescue
    e -> IO.inspect({t, e.__struct__, Exception.message(e)})
  end
end

r = Process.send_after(self(), :later, 2 ** 40)
IO.inspect(is_reference(r))
IO.puts(:done)
