# :timer's phial half: what waits or runs later is a process written in
# phial (sleep/1 is Process.sleep). A timer is {:once | :interval |
# :send_local, pid} (Erlang's tags) of
# the process that keeps it; :timer.cancel stops that process. Interval
# timers end when the process that made them ends, as Erlang's do.
# Not here: seconds/minutes/hours (timer.rs).
defmodule :timer do
  def sleep(ms), do: Process.sleep(ms)

  def send_after(ms, msg), do: send_after(ms, self(), msg)
  def send_after(ms, dest, msg) do
    with {:ok, {:once, pid}} <- apply_after(ms, Kernel, :send, [dest, msg]) do
      {:ok, {:send_local, pid}}
    end
  end

  def apply_after(ms, m, f, args) when is_integer(ms) and ms >= 0 and is_atom(m) and is_atom(f) and is_list(args) do
    pid =
      spawn(fn ->
        receive do
          :"$phial_timer_cancel" -> :ok
        after
          ms -> spawn(m, f, args)
        end
      end)

    {:ok, {:once, pid}}
  end

  def apply_after(_, _, _, _), do: {:error, :badarg}

  def send_interval(ms, msg), do: send_interval(ms, self(), msg)
  def send_interval(ms, dest, msg), do: apply_interval(ms, Kernel, :send, [dest, msg])

  def apply_interval(ms, m, f, args) when is_integer(ms) and ms >= 0 and is_atom(m) and is_atom(f) and is_list(args) do
    owner = self()
    pid = spawn(fn -> interval(Process.monitor(owner), ms, m, f, args) end)
    {:ok, {:interval, pid}}
  end

  def apply_interval(_, _, _, _), do: {:error, :badarg}

  defp interval(owner, ms, m, f, args) do
    receive do
      :"$phial_timer_cancel" -> :ok
      {:DOWN, ^owner, :process, _, _} -> :ok
    after
      ms ->
        spawn(m, f, args)
        interval(owner, ms, m, f, args)
    end
  end

  def cancel({kind, pid}) when kind in [:once, :interval, :send_local] and is_pid(pid) do
    send(pid, :"$phial_timer_cancel")
    {:ok, :cancel}
  end

  def cancel(_), do: {:error, :badarg}
end
