# Task.async_stream: module-function-args form, every option, early halts,
# other enumerables, and exits of the stream itself.
Logger.configure(level: :none)

defmodule Work do
  def scale(x, factor), do: x * factor

  def maybe_fail(x) do
    if rem(x, 3) == 0, do: exit({:bad_input, x}), else: x
  end

  def nap(ms) do
    Process.sleep(ms)
    ms
  end
end

IO.inspect(Task.async_stream([1, 2, 3], Work, :scale, [10]) |> Enum.to_list(), label: "mfa form")

IO.inspect(
  Task.async_stream(1..4, Work, :scale, [2], max_concurrency: 1, ordered: false) |> Enum.to_list(),
  label: "mfa with options"
)

IO.inspect(Task.async_stream(%{a: 1, b: 2}, fn {k, v} -> {v, k} end) |> Enum.to_list(), label: "a map")

IO.puts("-- early halts stop the workers")
IO.inspect(Stream.iterate(1, &(&1 + 1)) |> Task.async_stream(&(&1 * &1)) |> Enum.take(4), label: "take 4 of an infinite stream")

first_even =
  [1, 3, 5, 6, 7, 8]
  |> Task.async_stream(fn x -> x end, max_concurrency: 2)
  |> Enum.find(fn {:ok, x} -> rem(x, 2) == 0 end)

IO.inspect(first_even, label: "find")
IO.inspect(Task.async_stream([], & &1) |> Enum.to_list(), label: "empty")

IO.puts("-- exits of workers while trapping exits")
Process.flag(:trap_exit, true)
IO.inspect(Task.async_stream(1..6, &Work.maybe_fail/1, max_concurrency: 2) |> Enum.to_list(), label: "exits")

IO.inspect(
  Task.async_stream(1..4, &Work.maybe_fail/1, zip_input_on_exit: true) |> Enum.to_list(),
  label: "zip_input_on_exit"
)

IO.inspect(
  Task.async_stream([5, 400, 10], &Work.nap/1, timeout: 100, on_timeout: :kill_task, zip_input_on_exit: true)
  |> Enum.to_list(),
  label: "killed with their input"
)

Process.flag(:trap_exit, false)

IO.puts("-- a timeout with on_timeout: :exit exits the caller")

result =
  try do
    Task.async_stream([10, 500], &Work.nap/1, timeout: 50) |> Enum.to_list()
  catch
    :exit, reason -> {:caught, reason}
  end

IO.inspect(result, label: "timeout")

IO.puts("-- bad options")

try do
  Task.async_stream([1], & &1, max_concurrency: 0) |> Enum.to_list()
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

IO.puts("-- the reducer sees results one at a time, in order")

Task.async_stream(1..3, fn x -> Work.nap(40 - x * 10) end, max_concurrency: 3)
|> Enum.each(fn {:ok, ms} -> IO.puts("got #{ms}") end)

IO.inspect(
  Task.async_stream(1..5, & &1, max_concurrency: 5) |> Stream.map(fn {:ok, x} -> x * 2 end) |> Enum.sum(),
  label: "composed with Stream"
)
