# Node's functions that wait for a peer: `connect/1` (the handshake runs on
# a distribution thread, which answers this process with a message) and
# `ping/1` (a call to the peer's `net_kernel`, as `:net_adm.ping` makes).
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
end
