# :sys: the system-message side of OTP processes, for GenServer (and the
# behaviours built on it): get_state, replace_state, get_status, suspend,
# resume, terminate. Each sends `{:system, from, request}` and waits as a
# call does (GenServer.__call__). Not here: tracing and debug options
# (trace, log, statistics), which phial's loop does not keep.
defmodule :sys do
  def get_state(name), do: get_state(name, 5000)

  def get_state(name, timeout) do
    case send_system_msg(name, :get_state, timeout, [name]) do
      {:error, reason} -> :erlang.error(reason)
      state -> state
    end
  end

  def replace_state(name, fun), do: replace_state(name, fun, 5000)

  def replace_state(name, fun, timeout) do
    case send_system_msg(name, {:replace_state, fun}, timeout, [name, fun]) do
      {:error, reason} -> :erlang.error(reason)
      state -> state
    end
  end

  def get_status(name), do: get_status(name, 5000)
  def get_status(name, timeout), do: send_system_msg(name, :get_status, timeout, [name])

  def suspend(name), do: suspend(name, 5000)
  def suspend(name, timeout), do: send_system_msg(name, :suspend, timeout, [name])

  def resume(name), do: resume(name, 5000)
  def resume(name, timeout), do: send_system_msg(name, :resume, timeout, [name])

  def terminate(name, reason), do: terminate(name, reason, :infinity)

  def terminate(name, reason, timeout),
    do: send_system_msg(name, {:terminate, reason}, timeout, [name, reason, timeout])

  # The arguments in an exit are the call's own, without a default
  # timeout (`{:noproc, {:sys, :get_state, [name]}}`), as OTP's mfa/3.
  defp send_system_msg(name, request, timeout, args) do
    args = if timeout == 5000 or length(args) == 3, do: args, else: args ++ [timeout]
    fun = elem(request_name(request), 0)

    case GenServer.whereis(name) do
      pid when is_pid(pid) ->
        case GenServer.__call__(pid, :system, request, timeout) do
          {:ok, {:ok, res}} -> res
          {:ok, res} -> res
          {:exit, reason} -> exit({reason, {:sys, fun, args}})
        end

      _ ->
        exit({:noproc, {:sys, fun, args}})
    end
  end

  defp request_name(:get_state), do: {:get_state}
  defp request_name({:replace_state, _}), do: {:replace_state}
  defp request_name(:get_status), do: {:get_status}
  defp request_name(:suspend), do: {:suspend}
  defp request_name(:resume), do: {:resume}
  defp request_name({:terminate, _}), do: {:terminate}
end
