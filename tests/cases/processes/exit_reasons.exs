# Exit reasons as the BEAM gives them, seen by a monitor, a link, catch :exit
# and a trapping parent, with the shape of their stacktraces
Logger.configure(level: :none)

defmodule Crash do
  def divide(a, b), do: div(a, b)
  def match(x) do
    {:ok, v} = x
    v
  end
  def boom(msg), do: raise(msg)
  def toss(v), do: throw(v)
  def bye(r), do: exit(r)
  def deep(0), do: raise(ArgumentError, "bottom")
  def deep(n) do
    r = deep(n - 1)
    r + 1
  end
  def no_clause(:a), do: :a
  def bad_key(m), do: m.missing
end

defmodule Show do
  # the entry of our own module (the BEAM adds one for a BIF that failed,
  # phial does not), and how many entries there are above the script's
  def reason({term, stack}) when is_list(stack) do
    ours = Enum.find(stack, fn e -> elem(e, 0) == Crash end)
    {term, ours, Enum.count(stack, fn e -> elem(e, 0) in [Crash, :elixir_compiler_0] end)}
  end

  def reason(other), do: other
end

cases = [
  div: fn -> Crash.divide(1, 0) end,
  match: fn -> Crash.match(:error) end,
  raise: fn -> Crash.boom("boom") end,
  throw: fn -> Crash.toss(:ball) end,
  exit: fn -> Crash.bye(:gone) end,
  deep: fn -> Crash.deep(3) end,
  clause: fn -> Crash.no_clause(:b) end,
  key: fn -> Crash.bad_key(%{}) end
]

defmodule Runner do
  def monitor(name, f) do
    {pid, ref} = spawn_monitor(f)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(Show.reason(reason), label: "monitor #{name}")
    end
  end

  def link(name, f) do
    pid = spawn_link(f)

    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(Show.reason(reason), label: "link #{name}")
    end
  end

  def caught(name, f) do
    try do
      f.()
    catch
      kind, value -> IO.inspect({kind, Show.reason({value, __STACKTRACE__})}, label: "caught #{name}")
    end
  end
end

Enum.each(cases, fn {name, f} -> Runner.monitor(name, f) end)
Process.flag(:trap_exit, true)
Enum.each(cases, fn {name, f} -> Runner.link(name, f) end)
Enum.each(Keyword.take(cases, [:exit, :raise, :div]), fn {name, f} -> Runner.caught(name, f) end)

try do
  exit({:shutdown, 3})
catch
  :exit, r -> IO.inspect(r, label: "catch :exit")
end

# reraise keeps the original trace
try do
  try do
    Crash.boom("first")
  rescue
    e -> reraise e, __STACKTRACE__
  end
rescue
  e -> IO.inspect({e, hd(__STACKTRACE__) |> elem(1)}, label: "reraised")
end

# Exception.format_exit of a crash reason
Process.flag(:trap_exit, false)
{_pid, ref} = spawn_monitor(fn -> Crash.boom("formatted") end)
reason = receive do
  {:DOWN, ^ref, :process, _, reason} -> reason
end
IO.puts(Exception.format_exit(reason))
