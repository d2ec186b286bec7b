# `:erpc` on phial: `call/4,5` and `cast/4`, and `execute_call/4`, what a
# caller's `:erpc.call` (and so OTP 25's `:rpc.call`) spawns on the callee,
# ending with its outcome as the exit reason the caller's monitor reads, in
# OTP's shapes (and `execute_cast/3`, a cast's). A call is a spawn request
# with a monitor, as OTP's is, so a phial node calls BEAM and phial nodes
# alike.
# Not here: `:rpc`'s shapes (`rpc.ex`), the spawn request (`:phial_dist`).
defmodule :erpc do
  def execute_call(ref, m, f, a) do
    reply =
      try do
        {ref, :return, apply(m, f, a)}
      catch
        :throw, reason -> {ref, :throw, reason}
        :exit, reason -> {ref, :exit, reason}
        :error, reason -> {ref, :error, reason, trim(__STACKTRACE__)}
      end

    exit(reply)
  end

  # What a peer's `:erpc.cast` (and so `:rpc.cast`) spawns here.
  def execute_cast(m, f, a), do: apply(m, f, a)

  # The caller sees the stack of its MFA, without this module's frames.
  defp trim(stack), do: Enum.reject(stack, &match?({:erpc, _, _, _}, &1))

  def call(n, m, f, a), do: call(n, m, f, a, :infinity)

  def call(n, m, f, a, timeout)
      when is_atom(n) and is_atom(m) and is_atom(f) and is_list(a) and
             ((is_integer(timeout) and timeout >= 0) or timeout == :infinity) do
    res = make_ref()

    req =
      if n == node() do
        {_, mref} = spawn_monitor(:erpc, :execute_call, [res, m, f, a])
        mref
      else
        case :phial_dist.spawn_request(n, :erpc, :execute_call, [res, m, f, a], [:monitor]) do
          :badarg -> :erlang.error({:erpc, :badarg})
          req -> req
        end
      end

    receive do
      {:DOWN, ^req, :process, _, reason} ->
        flush_reply(req)
        result(reason, res)
    after
      timeout ->
        Process.demonitor(req, [:flush])
        flush_reply(req)
        :erlang.error({:erpc, :timeout})
    end
  end

  def call(n, m, f, a, timeout), do: :erlang.error(:badarg, [n, m, f, a, timeout])

  def cast(n, m, f, a) when is_atom(n) and is_atom(m) and is_atom(f) and is_list(a) do
    if n == node() do
      spawn(m, f, a)
    else
      # As OTP's `rex` takes a cast (the phial and BEAM ones alike), with
      # this node's io server as the group leader.
      send({:rex, n}, {:"$gen_cast", {:cast, m, f, a, :phial_dist.io_leader()}})
    end

    :ok
  end

  defp flush_reply(req) do
    receive do
      {:"$phial_spawn_reply", ^req, _, _} -> :ok
    after
      0 -> :ok
    end
  end

  defp result({res, :return, value}, res), do: value
  defp result({res, :throw, value}, res), do: throw(value)
  defp result({res, :exit, reason}, res), do: exit({:exception, reason})

  defp result({res, :error, reason, stack}, res),
    do: :erlang.error({:exception, reason, stack})

  defp result(:noconnection, _), do: :erlang.error({:erpc, :noconnection})
  defp result(reason, _), do: exit({:exception, reason})
end
