# "GenServer ... terminating" reports for servers that stop or return a bad
# value from a cast or a message; clean stops print nothing.
defmodule Server do
  use GenServer

  def init(state), do: {:ok, state}

  def handle_cast({:stop, reason}, state), do: {:stop, reason, state}
  def handle_cast(:bad_return, _state), do: :not_a_reply
  def handle_cast(:throw, _state), do: throw(:thrown_value)

  def handle_info({:stop, reason}, state), do: {:stop, reason, %{state | seen: state.seen + 1}}
end

defmodule Run do
  def stop_with(how, opts \\ []) do
    {:ok, pid} = GenServer.start(Server, %{seen: 0, how: how}, opts)
    ref = Process.monitor(pid)

    case how do
      {:info, msg} -> send(pid, msg)
      msg -> GenServer.cast(pid, msg)
    end

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "DOWN")
    end

    Process.sleep(100)
  end
end

Run.stop_with({:stop, :disk_full})
Run.stop_with({:stop, {:bad, [1, 2]}})
Run.stop_with({:stop, {:error, "text", 3.5}})
Run.stop_with(:bad_return)
Run.stop_with(:throw)
Run.stop_with({:info, {:stop, :from_a_message}})
Run.stop_with({:info, {:stop, :named}}, name: :my_server)
Run.stop_with({:info, {:stop, :global_name}}, name: {:global, {:a, 1}})
IO.puts("-- clean stops")
Run.stop_with({:stop, :normal})
Run.stop_with({:stop, :shutdown})
Run.stop_with({:stop, {:shutdown, :closed}})
IO.puts("done")
