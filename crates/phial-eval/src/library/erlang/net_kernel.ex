# `:net_kernel` as phial's programs call it: `monitor_nodes/1,2`, which
# subscribes the caller to `{:nodeup, node}` and `{:nodedown, node}`.
# Not here: the registered `net_kernel` process that answers peers
# (`:phial_dist.net_kernel`), connecting (`Node`).
defmodule :net_kernel do
  def monitor_nodes(flag), do: monitor_nodes(flag, [])

  def monitor_nodes(flag, opts) when is_boolean(flag) and is_list(opts) do
    :phial_dist.monitor_nodes(flag)
  end

  def monitor_nodes(flag, opts), do: :erlang.error(:badarg, [flag, opts])
end
