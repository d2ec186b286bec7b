# DynamicSupervisor: a supervisor that starts with no children and starts
# them on demand, Elixir 1.14's API (start_link/1,2,3, init/1,
# start_child, terminate_child, which_children, count_children, stop,
# child_spec/1, `use DynamicSupervisor`), max_children and
# extra_arguments. It is its own GenServer callback module, as in Elixir:
# children are kept by pid (`pid => {mfa, restart, shutdown, type,
# modules}`, or `{:restarting, child}` while a restart is retried).
# It also starts Task.Supervisor's tasks (`{:start_task, ...}`), as
# Elixir's does. Not here: the SASL reports (Elixir's Logger drops them by
# default).
defmodule DynamicSupervisor do
  defstruct [
    :args,
    :extra_arguments,
    :mod,
    :name,
    :strategy,
    :max_children,
    :max_restarts,
    :max_seconds,
    children: %{},
    restarts: []
  ]

  def child_spec(opts) when is_list(opts) do
    id =
      case Keyword.get(opts, :name, DynamicSupervisor) do
        name when is_atom(name) -> name
        {:global, name} -> name
        {:via, _module, name} -> name
      end

    %{
      id: id,
      start: {DynamicSupervisor, :start_link, [opts]},
      type: :supervisor
    }
  end

  defmacro __using__(opts) do
    quote location: :keep do
      @behaviour DynamicSupervisor

      def child_spec(arg) do
        default = %{
          id: __MODULE__,
          start: {__MODULE__, :start_link, [arg]},
          type: :supervisor
        }

        Supervisor.child_spec(default, unquote(Macro.escape(opts)))
      end

      defoverridable child_spec: 1
    end
  end

  def start_link(options) when is_list(options) do
    keys = [:extra_arguments, :max_children, :max_seconds, :max_restarts, :strategy]
    {sup_opts, start_opts} = Keyword.split(options, keys)
    start_link(Supervisor.Default, init(sup_opts), start_opts)
  end

  def start_link(module, init_arg, opts \\ []) do
    GenServer.start_link(__MODULE__, {module, init_arg, opts[:name]}, opts)
  end

  def start_child(supervisor, {_, _, _, _, _, _} = child_spec) do
    validate_and_start_child(supervisor, child_spec)
  end

  def start_child(supervisor, child_spec) do
    validate_and_start_child(supervisor, Supervisor.child_spec(child_spec, []))
  end

  defp validate_and_start_child(supervisor, child_spec) do
    case validate_child(child_spec) do
      {:ok, child} -> call(supervisor, {:start_child, child})
      error -> {:error, error}
    end
  end

  defp validate_child(%{id: _, start: {mod, _, _} = start} = child) do
    type = Map.get(child, :type, :worker)
    # (a type other than these two is a CaseClauseError, as in Elixir)
    default_shutdown =
      case type do
        :worker -> 5_000
        :supervisor -> :infinity
      end

    validate_child(
      start,
      Map.get(child, :restart, :permanent),
      Map.get(child, :shutdown, default_shutdown),
      type,
      Map.get(child, :modules, [mod])
    )
  end

  defp validate_child({_, start, restart, shutdown, type, modules}) do
    validate_child(start, restart, shutdown, type, modules)
  end

  defp validate_child(other), do: {:invalid_child_spec, other}

  defp validate_child(start, restart, shutdown, type, modules) do
    cond do
      not match?({m, f, a} when is_atom(m) and is_atom(f) and is_list(a), start) ->
        {:invalid_mfa, start}

      restart not in [:permanent, :temporary, :transient] ->
        {:invalid_restart_type, restart}

      not ((is_integer(shutdown) and shutdown > 0) or shutdown in [:infinity, :brutal_kill]) ->
        {:invalid_shutdown, shutdown}

      type not in [:supervisor, :worker] ->
        {:invalid_child_type, type}

      not (modules == :dynamic or (is_list(modules) and Enum.all?(modules, &is_atom/1))) ->
        {:invalid_modules, modules}

      true ->
        {:ok, {start, restart, shutdown, type, modules}}
    end
  end

  def terminate_child(supervisor, pid) when is_pid(pid) do
    call(supervisor, {:terminate_child, pid})
  end

  def which_children(supervisor), do: call(supervisor, :which_children)

  def count_children(supervisor) do
    call(supervisor, :count_children) |> Map.new()
  end

  def stop(supervisor, reason \\ :normal, timeout \\ :infinity) do
    GenServer.stop(supervisor, reason, timeout)
  end

  def init(options) when is_list(options) do
    {:ok,
     %{
       strategy: Keyword.get(options, :strategy, :one_for_one),
       intensity: Keyword.get(options, :max_restarts, 3),
       period: Keyword.get(options, :max_seconds, 5),
       max_children: Keyword.get(options, :max_children, :infinity),
       extra_arguments: Keyword.get(options, :extra_arguments, [])
     }}
  end

  # ------------------------------------------------- GenServer callbacks

  def init({mod, init_arg, name}) do
    Process.put(:"$initial_call", {:supervisor, mod, 1})
    Process.flag(:trap_exit, true)

    case mod.init(init_arg) do
      {:ok, flags} when is_map(flags) ->
        name =
          cond do
            is_nil(name) -> {self(), mod}
            is_atom(name) -> {:local, name}
            is_tuple(name) -> name
          end

        case init_flags(%DynamicSupervisor{mod: mod, args: init_arg, name: name}, flags) do
          {:ok, state} -> {:ok, state}
          {:error, reason} -> {:stop, {:supervisor_data, reason}}
        end

      :ignore ->
        :ignore

      other ->
        {:stop, {:bad_return, {mod, :init, other}}}
    end
  end

  defp init_flags(state, flags) do
    extra = Map.get(flags, :extra_arguments, [])
    max_children = Map.get(flags, :max_children, :infinity)
    intensity = Map.get(flags, :intensity, 1)
    period = Map.get(flags, :period, 5)
    strategy = Map.get(flags, :strategy, :one_for_one)

    cond do
      strategy != :one_for_one ->
        {:error, {:invalid_strategy, strategy}}

      not (is_integer(intensity) and intensity >= 0) ->
        {:error, {:invalid_intensity, intensity}}

      not (is_integer(period) and period > 0) ->
        {:error, {:invalid_period, period}}

      not (max_children == :infinity or (is_integer(max_children) and max_children >= 0)) ->
        {:error, {:invalid_max_children, max_children}}

      not is_list(extra) ->
        {:error, {:invalid_extra_arguments, extra}}

      true ->
        {:ok,
         %{
           state
           | extra_arguments: extra,
             max_children: max_children,
             max_restarts: intensity,
             max_seconds: period,
             strategy: strategy
         }}
    end
  end

  def handle_call(:which_children, _from, state) do
    reply =
      for {pid, info} <- state.children do
        case info do
          {:restarting, {_, _, _, type, modules}} -> {:undefined, :restarting, type, modules}
          {_, _, _, type, modules} -> {:undefined, pid, type, modules}
        end
      end

    {:reply, reply, state}
  end

  def handle_call(:count_children, _from, state) do
    {active, workers, sups} =
      Enum.reduce(state.children, {0, 0, 0}, fn {_pid, info}, {a, w, s} ->
        {a, child} =
          case info do
            {:restarting, child} -> {a, child}
            child -> {a + 1, child}
          end

        if elem(child, 3) == :worker, do: {a, w + 1, s}, else: {a, w, s + 1}
      end)

    reply = [
      specs: map_size(state.children),
      active: active,
      supervisors: sups,
      workers: workers
    ]

    {:reply, reply, state}
  end

  def handle_call({:terminate_child, pid}, _from, state) do
    case state.children do
      %{^pid => info} ->
        :ok = terminate_children(%{pid => info})
        {:reply, :ok, delete_child(pid, state)}

      %{} ->
        {:reply, {:error, :not_found}, state}
    end
  end

  # Task.Supervisor's tasks: its init/1 put their default restart and
  # shutdown in this process's dictionary.
  def handle_call({:start_task, args, restart, shutdown}, from, state) do
    {init_restart, init_shutdown} = Process.get(Task.Supervisor)
    restart = restart || init_restart
    shutdown = shutdown || init_shutdown
    child = {{Task.Supervised, :start_link, args}, restart, shutdown, :worker, [Task.Supervised]}
    handle_call({:start_child, child}, from, state)
  end

  def handle_call({:start_child, child}, _from, state) do
    if map_size(state.children) < state.max_children do
      {mfa, restart, shutdown, type, modules} = child
      {m, f, args} = mfa

      case reply = start_child(m, f, state.extra_arguments ++ args) do
        {:ok, pid, _} ->
          {:reply, reply, save_child(pid, mfa, restart, shutdown, type, modules, state)}

        {:ok, pid} ->
          {:reply, reply, save_child(pid, mfa, restart, shutdown, type, modules, state)}

        _ ->
          {:reply, reply, state}
      end
    else
      {:reply, {:error, :max_children}, state}
    end
  end

  defp start_child(m, f, a) do
    try do
      apply(m, f, a)
    catch
      :exit, reason -> {:error, reason}
      :error, reason -> {:error, {reason, __STACKTRACE__}}
      :throw, value -> {:error, {{:nocatch, value}, __STACKTRACE__}}
    else
      {:ok, pid, extra} when is_pid(pid) -> {:ok, pid, extra}
      {:ok, pid} when is_pid(pid) -> {:ok, pid}
      :ignore -> :ignore
      {:error, _} = error -> error
      other -> {:error, other}
    end
  end

  # A temporary child is never restarted: its arguments are not kept.
  defp save_child(pid, {m, f, _}, :temporary, shutdown, type, modules, state) do
    %{state | children: Map.put(state.children, pid, {{m, f, :undefined}, :temporary, shutdown, type, modules})}
  end

  defp save_child(pid, mfa, restart, shutdown, type, modules, state) do
    %{state | children: Map.put(state.children, pid, {mfa, restart, shutdown, type, modules})}
  end

  def handle_cast(_msg, state), do: {:noreply, state}

  def handle_info({:EXIT, pid, reason}, state) do
    case state.children do
      %{^pid => {_, restart, _, _, _} = child} ->
        clean = reason in [:normal, :shutdown] or match?({:shutdown, _}, reason)

        result =
          cond do
            restart == :permanent -> restart_child(pid, child, state)
            clean -> {:ok, delete_child(pid, state)}
            restart == :transient -> restart_child(pid, child, state)
            true -> {:ok, delete_child(pid, state)}
          end

        case result do
          {:ok, state} -> {:noreply, state}
          {:shutdown, state} -> {:stop, :shutdown, state}
        end

      %{} ->
        {:noreply, state}
    end
  end

  def handle_info({:"$gen_restart", pid}, state) do
    case state.children do
      %{^pid => {:restarting, child}} ->
        case restart_child(pid, child, state) do
          {:ok, state} -> {:noreply, state}
          {:shutdown, state} -> {:stop, :shutdown, state}
        end

      %{} ->
        {:noreply, state}
    end
  end

  def handle_info(msg, state) do
    GenServer.__report__("DynamicSupervisor received unexpected message: #{inspect(msg)}")
    {:noreply, state}
  end

  def code_change(_, %{mod: mod, args: init_arg} = state, _) do
    case mod.init(init_arg) do
      {:ok, flags} when is_map(flags) ->
        case init_flags(state, flags) do
          {:ok, state} -> {:ok, state}
          {:error, reason} -> {:error, {:supervisor_data, reason}}
        end

      :ignore ->
        {:ok, state}

      error ->
        error
    end
  end

  def terminate(_, state) do
    :ok = terminate_children(state.children)
  end

  def format_status(:terminate, [_pdict, state]), do: state

  def format_status(_, [_pdict, %{mod: mod} = state]) do
    [data: [{'State', state}], supervisor: [{'Callback', mod}]]
  end

  def format_report(%{label: {__MODULE__, :unexpected_msg}, report: %{msg: msg}}) do
    {'DynamicSupervisor received unexpected message: ~p~n', [msg]}
  end

  # ------------------------------------------------------------- children

  defp delete_child(pid, state), do: %{state | children: Map.delete(state.children, pid)}

  # All children are told to stop at once, then awaited: those with a
  # timeout are killed when it passes (one timer per distinct timeout).
  defp terminate_children(children) do
    {pids, times} =
      Enum.reduce(children, {%{}, %{}}, fn
        {_, {:restarting, _}}, acc ->
          acc

        {pid, {_, _, shutdown, _, _} = child}, {pids, times} ->
          ref = Process.monitor(pid)
          Process.unlink(pid)

          receive do
            {:EXIT, ^pid, _reason} ->
              receive do
                {:DOWN, ^ref, :process, ^pid, _} -> {pids, times}
              end
          after
            0 ->
              case shutdown do
                :brutal_kill ->
                  Process.exit(pid, :kill)
                  {Map.put(pids, pid, child), times}

                :infinity ->
                  Process.exit(pid, :shutdown)
                  {Map.put(pids, pid, child), times}

                time ->
                  Process.exit(pid, :shutdown)
                  {Map.put(pids, pid, child), Map.update(times, time, [pid], &[pid | &1])}
              end
          end
      end)

    timers =
      Map.new(times, fn {time, pids} ->
        {time, {Process.send_after(self(), {:"$dynamic_supervisor_kill", time}, time), pids}}
      end)

    wait_children(pids, map_size(pids), timers)
  end

  defp wait_children(_pids, 0, timers) do
    for {_time, {timer, _}} <- timers do
      Process.cancel_timer(timer)

      receive do
        {:"$dynamic_supervisor_kill", _} -> :ok
      after
        0 -> :ok
      end
    end

    :ok
  end

  defp wait_children(pids, size, timers) do
    receive do
      {:DOWN, _ref, :process, pid, _reason} ->
        if Map.has_key?(pids, pid),
          do: wait_children(pids, size - 1, timers),
          else: wait_children(pids, size, timers)

      {:"$dynamic_supervisor_kill", time} ->
        {_timer, to_kill} = Map.fetch!(timers, time)
        for pid <- to_kill, do: Process.exit(pid, :kill)
        wait_children(pids, size, Map.delete(timers, time))
    end
  end

  defp restart_child(pid, child, state) do
    case add_restart(state) do
      {:ok, state} ->
        {{m, f, args} = mfa, restart, shutdown, type, modules} = child

        case start_child(m, f, state.extra_arguments ++ args) do
          {:ok, new_pid, _} ->
            state = delete_child(pid, state)
            {:ok, save_child(new_pid, mfa, restart, shutdown, type, modules, state)}

          {:ok, new_pid} ->
            state = delete_child(pid, state)
            {:ok, save_child(new_pid, mfa, restart, shutdown, type, modules, state)}

          :ignore ->
            {:ok, delete_child(pid, state)}

          {:error, _reason} ->
            send(self(), {:"$gen_restart", pid})
            {:ok, %{state | children: Map.put(state.children, pid, {:restarting, child})}}
        end

      {:shutdown, state} ->
        {:shutdown, delete_child(pid, state)}
    end
  end

  defp add_restart(state) do
    now = System.monotonic_time(:second)
    restarts = for then <- [now | state.restarts], now <= then + state.max_seconds, do: then
    state = %{state | restarts: restarts}
    if length(restarts) <= state.max_restarts, do: {:ok, state}, else: {:shutdown, state}
  end

  defp call(supervisor, req), do: GenServer.call(supervisor, req, :infinity)
end
