# Node's functions that wait for a peer: `connect/1` (the handshake runs on
# a distribution thread, which answers this process with a message),
# `ping/1` (a call to the peer's `net_kernel`, as `:net_adm.ping` makes)
# and `spawn/2,4`, `spawn_link/2,4`, `spawn_monitor/2,4` (a distributed
# spawn request, answered with the new pid).
# Not here: the node's name and peers (natives, node.rs).
defmodule Node do
  def connect(node) when is_atom(node) do
    case :phial_dist.connect_request(node) do
      :ignored ->
        :ignored

      ref ->
        receive do
          {:"$phial_dist_connect", ^ref, up} -> up
        end
    end
  end

  def ping(node) when is_atom(node) do
    cond do
      node == node() ->
        if Node.alive?(), do: :pong, else: :pang

      connect(node) == true ->
        ref = make_ref()
        send({:net_kernel, node}, {:"$gen_call", {self(), ref}, {:is_auth, node()}})

        receive do
          {^ref, :yes} -> :pong
          {^ref, _} -> :pang
        after
          7000 -> :pang
        end

      true ->
        :pang
    end
  end

  def spawn(node, fun) when is_atom(node) and is_function(fun, 0),
    do: spawn(node, :erlang, :apply, [fun, []])

  def spawn(node, m, f, a) when is_atom(node) and is_atom(m) and is_atom(f) and is_list(a) do
    if node == node(), do: Kernel.spawn(m, f, a), else: remote_spawn(node, m, f, a, false)
  end

  def spawn_link(node, fun) when is_atom(node) and is_function(fun, 0),
    do: spawn_link(node, :erlang, :apply, [fun, []])

  def spawn_link(node, m, f, a) when is_atom(node) and is_atom(m) and is_atom(f) and is_list(a) do
    if node == node(), do: Kernel.spawn_link(m, f, a), else: remote_spawn(node, m, f, a, true)
  end

  def spawn_monitor(node, fun) when is_atom(node) and is_function(fun, 0),
    do: spawn_monitor(node, :erlang, :apply, [fun, []])

  def spawn_monitor(node, m, f, a)
      when is_atom(node) and is_atom(m) and is_atom(f) and is_list(a) do
    if node == node() do
      Kernel.spawn_monitor(m, f, a)
    else
      case :phial_dist.spawn_request(node, m, f, a, [:monitor]) do
        :badarg ->
          :erlang.error(:badarg, [node, m, f, a])

        ref ->
          receive do
            {:"$phial_spawn_reply", ^ref, _flags, pid} when is_pid(pid) -> {pid, ref}
            {:"$phial_spawn_reply", ^ref, _flags, reason} -> :erlang.error(reason, [node, m, f, a])
          end
      end
    end
  end

  defp remote_spawn(node, m, f, a, link) do
    case :phial_dist.spawn_request(node, m, f, a, if(link, do: [:link], else: [])) do
      :badarg ->
        :erlang.error(:badarg, [node, m, f, a])

      ref ->
        receive do
          {:"$phial_spawn_reply", ^ref, _flags, pid} when is_pid(pid) -> pid
          {:"$phial_spawn_reply", ^ref, _flags, reason} -> :erlang.error(reason, [node, m, f, a])
        end
    end
  end
end
