# The servers a distributed node runs for its peers, registered when the
# node starts (crate::dist::start): `rex`, which answers `:rpc.call` and
# `:rpc.cast` by running the MFA in a process of its own, starts the
# processes peers spawn here (`SPAWN_REQUEST`, which OTP 25's `:rpc.call`
# and `Node.spawn` send) and keeps peers' monitors of local processes;
# `net_kernel`, which answers the `is_auth` call behind `Node.ping`; `io`,
# the group leader of what this node runs on peers (its spawns and rpc
# calls), which prints their output here as the BEAM does.
# Not here: the protocol, sending and delivering messages (Rust).
defmodule :phial_dist do
  def rex, do: rex(%{})

  # `watched`: local monitor ref => {peer's ref, watching pid, what was
  # monitored (a pid, or a name)}.
  defp rex(watched) do
    watched =
      receive do
        {:"$gen_call", {from, tag}, {:call, m, f, a, _group_leader}} ->
          spawn(fn -> send(from, {tag, rex_apply(m, f, a)}) end)
          watched

        {:"$gen_cast", {:cast, m, f, a, _group_leader}} ->
          spawn(fn -> apply(m, f, a) end)
          watched

        {from, {:call, m, f, a, _group_leader}} when is_pid(from) ->
          spawn(fn -> send(from, {:rex, rex_apply(m, f, a)}) end)
          watched

        {:"$phial_spawn_request", req, from, m, f, args, opts} ->
          # The child waits until its link and the reply are out, so the
          # peer hears of the child before anything of its end.
          pid =
            spawn(fn ->
              receive do
                :"$phial_go" -> apply(m, f, args)
              end
            end)

          link? = :link in opts
          monitor? = :monitor in opts
          if link?, do: :phial_dist.link_remote(pid, from)
          mref = if monitor?, do: Process.monitor(pid)
          flags = if(link?, do: 1, else: 0) + if(monitor?, do: 2, else: 0)
          :phial_dist.spawn_reply(req, from, flags, pid)
          send(pid, :"$phial_go")

          if monitor? do
            Map.put(watched, mref, {req, from, pid})
          else
            watched
          end

        {:"$phial_monitor", from, target, ref} ->
          pid = if is_atom(target), do: Process.whereis(target), else: target

          if is_pid(pid) and Process.alive?(pid) do
            Map.put(watched, Process.monitor(pid), {ref, from, target})
          else
            :phial_dist.monitor_exit(target, from, ref, :noproc)
            watched
          end

        {:"$phial_demonitor", _from, _target, ref} ->
          case Enum.find(watched, fn {_, {r, _, _}} -> r == ref end) do
            {mref, _} ->
              Process.demonitor(mref, [:flush])
              Map.delete(watched, mref)

            nil ->
              watched
          end

        {:DOWN, mref, :process, _pid, reason} ->
          case Map.pop(watched, mref) do
            {{ref, from, target}, rest} ->
              :phial_dist.monitor_exit(target, from, ref, reason)
              rest

            {nil, _} ->
              watched
          end

        _ ->
          watched
      end

    rex(watched)
  end

  # As `catch apply(m, f, a)` in OTP's rex: an error or exit becomes
  # `{:badrpc, {:EXIT, reason}}`, a throw is the value.
  defp rex_apply(m, f, a) do
    try do
      apply(m, f, a)
    catch
      :error, reason -> {:badrpc, {:EXIT, {reason, __STACKTRACE__}}}
      :exit, reason -> {:badrpc, {:EXIT, reason}}
      :throw, value -> value
    end
  end

  def net_kernel do
    receive do
      {:"$gen_call", {from, tag}, {:is_auth, _node}} -> send(from, {tag, :yes})
      _ -> :ok
    end

    net_kernel()
  end

  def io do
    receive do
      {:io_request, from, reply_as, request} ->
        send(from, {:io_reply, reply_as, io_request(request)})

      _ ->
        :ok
    end

    io()
  end

  # The output requests of Erlang's io protocol; input is not offered.
  defp io_request(request) do
    try do
      case request do
        {:put_chars, :unicode, chars} -> IO.write(chars)
        {:put_chars, :latin1, chars} -> IO.binwrite(chars)
        {:put_chars, enc, m, f, a} -> io_request({:put_chars, enc, apply(m, f, a)})
        {:put_chars, chars} -> io_request({:put_chars, :latin1, chars})
        {:requests, requests} -> Enum.reduce(requests, :ok, fn r, :ok -> io_request(r); _, e -> e end)
        _ -> {:error, :enotsup}
      end
    catch
      _, _ -> {:error, :put_chars}
    end
  end
end
