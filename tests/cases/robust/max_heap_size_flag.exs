# Process.flag(:max_heap_size, ...): what it accepts, what it returns (the
# old setting, in the BEAM's map form), and Process.info/2 of it. Sizes are
# words; the main process only ever gets limits far above its size.
defmodule Flag do
  def set(v) do
    try do
      IO.inspect(Process.flag(:max_heap_size, v))
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end

  def info(pid) do
    receive do
      :go -> :ok
    end

    send(pid, Process.info(self(), :max_heap_size))
  end
end

IO.inspect(Process.info(self(), :max_heap_size))

for v <- [
      10_000_000,
      %{size: 20_000_000},
      %{size: 30_000_000, kill: false},
      %{size: 40_000_000, error_logger: false, kill: true},
      # an integer resets kill and error_logger to true
      50_000_000,
      # invalid: no size, unknown key, bad flag values, out of range
      %{kill: false},
      %{size: 60_000_000, kill: "true"},
      %{size: 60_000_000, kill: :yes},
      -1,
      1.5,
      :huge,
      [size: 60_000_000],
      2 ** 59,
      # the largest accepted
      2 ** 59 - 1,
      0
    ] do
  Flag.set(v)
end

IO.inspect(Process.info(self(), :max_heap_size))

# The smallest non-zero size is the BEAM's minimum heap size, 233 words
# (set in a process that neither dies nor reports).
parent = self()

spawn(fn ->
  Process.flag(:max_heap_size, %{size: 0, kill: false, error_logger: false})

  for v <- [
        %{size: 233, kill: false, error_logger: false},
        %{size: 232, kill: false, error_logger: false},
        %{size: 0, kill: false, error_logger: false}
      ] do
    r =
      try do
        Process.flag(:max_heap_size, v)
      rescue
        e -> e.__struct__
      end

    send(parent, r)
  end
end)

for _ <- 1..3 do
  receive do
    r -> IO.inspect(r)
  end
end

# Another process's setting, and the spawn option
pid = spawn(Flag, :info, [self()])
IO.inspect(Process.info(pid, :max_heap_size))
send(pid, :go)

receive do
  r -> IO.inspect(r)
end

pid = Process.spawn(Flag, :info, [self()], max_heap_size: 12_345_678)
send(pid, :go)

receive do
  r -> IO.inspect(r)
end

pid = :erlang.spawn_opt(Flag, :info, [self()], max_heap_size: %{size: 7_654_321, kill: false})
send(pid, :go)

receive do
  r -> IO.inspect(r)
end

try do
  Process.spawn(fn -> :ok end, max_heap_size: 5)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

# Keys other than size, kill and error_logger are ignored
IO.inspect(Process.flag(:max_heap_size, %{size: 70_000_000, bogus: 1}))
IO.inspect(Process.flag(:max_heap_size, 0))
