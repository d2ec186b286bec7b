# `:rpc` as OTP 25 has it on top of `:erpc`: `call/4,5`, `cast/4`,
# `multicall/3,4,5`, each outcome in `:rpc`'s shapes (`{:badrpc, reason}`).
# Not here: the servers that answer peers' rpc (`:phial_dist.rex`).
defmodule :rpc do
  def call(n, m, f, a), do: call(n, m, f, a, :infinity)

  def call(n, m, f, a, timeout) do
    try do
      :erpc.call(n, m, f, a, timeout)
    catch
      :throw, value -> value
      :exit, {:exception, reason} -> {:badrpc, {:EXIT, reason}}
      :exit, reason -> {:badrpc, {:EXIT, reason}}
      :error, {:exception, reason, stack} -> {:badrpc, {:EXIT, {reason, stack}}}
      :error, {:erpc, :noconnection} -> {:badrpc, :nodedown}
      :error, {:erpc, :timeout} -> {:badrpc, :timeout}
      :error, {:erpc, reason} -> {:badrpc, reason}
    end
  end

  def cast(n, m, f, a) do
    :erpc.cast(n, m, f, a)
    true
  end

  def multicall(m, f, a), do: multicall([node() | Node.list()], m, f, a, :infinity)

  def multicall(nodes, m, f, a) when is_list(nodes), do: multicall(nodes, m, f, a, :infinity)
  def multicall(m, f, a, timeout), do: multicall([node() | Node.list()], m, f, a, timeout)

  def multicall(nodes, m, f, a, timeout) do
    # All at once, each in a process of its own, as OTP's calls run
    # together; results in the nodes' order.
    me = self()

    tasks =
      Enum.map(nodes, fn n ->
        ref = make_ref()
        spawn(fn -> send(me, {ref, call(n, m, f, a, timeout)}) end)
        {n, ref}
      end)

    {good, bad} =
      Enum.reduce(tasks, {[], []}, fn {n, ref}, {good, bad} ->
        receive do
          {^ref, {:badrpc, :nodedown}} -> {good, [n | bad]}
          {^ref, value} -> {[value | good], bad}
        end
      end)

    {Enum.reverse(good), Enum.reverse(bad)}
  end
end
