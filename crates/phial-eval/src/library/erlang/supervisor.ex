# :supervisor: OTP's supervisor as a GenServer callback module, with its
# API (start_link/2,3, start_child, terminate_child, restart_child,
# delete_child, which_children, count_children, get_childspec,
# check_childspecs). Strategies one_for_one, one_for_all, rest_for_one;
# restart types, shutdown (brutal_kill, a timeout, infinity), restart
# intensity, children stopped newest first. Elixir's Supervisor calls it,
# as Elixir does. Not here: simple_one_for_one (DynamicSupervisor replaces
# it), auto_shutdown and significant children, the SASL reports (Elixir's
# Logger drops them by default).
#
# A child is OTP's record: {:child, pid, id, {m, f, a}, restart,
# significant, shutdown, type, modules}, pid being a pid, :undefined or
# {:restarting, old}. The state keeps the ids newest first (OTP's order,
# which which_children shows) and a map from id to child.
defmodule :supervisor do
  # ------------------------------------------------------------------ API

  def start_link(mod, args) do
    GenServer.__start__(:link, nil, :supervisor, {:self, mod, args}, [])
  end

  def start_link(sup_name, mod, args) do
    GenServer.__start__(:link, sup_name, :supervisor, {sup_name, mod, args}, [])
  end

  def start_child(sup, child_spec), do: call(sup, {:start_child, child_spec})
  def restart_child(sup, id), do: call(sup, {:restart_child, id})
  def delete_child(sup, id), do: call(sup, {:delete_child, id})
  def terminate_child(sup, id), do: call(sup, {:terminate_child, id})
  def get_childspec(sup, id), do: call(sup, {:get_childspec, id})
  def which_children(sup), do: call(sup, :which_children)
  def count_children(sup), do: call(sup, :count_children)
  def get_callback_module(sup), do: call(sup, :get_callback_module)

  def check_childspecs(specs), do: check_childspecs(specs, :undefined)

  def check_childspecs(specs, _auto_shutdown) when is_list(specs) do
    case check_startspec(specs) do
      {:ok, _} -> :ok
      error -> {:error, error}
    end
  end

  def check_childspecs(x, _auto_shutdown), do: {:error, {:badarg, x}}

  defp call(sup, request), do: GenServer.call(sup, request, :infinity)

  # ------------------------------------------------------------ callbacks

  def init({sup_name, mod, args}) do
    Process.flag(:trap_exit, true)
    name = if sup_name == :self, do: {self(), mod}, else: sup_name

    case mod.init(args) do
      {:ok, {flags, start_spec}} ->
        case init_state(name, flags, mod, args) do
          {:ok, state} -> init_children(state, start_spec)
          error -> {:stop, {:supervisor_data, error}}
        end

      :ignore ->
        :ignore

      error ->
        {:stop, {:bad_return, {mod, :init, error}}}
    end
  end

  defp init_state(name, flags, mod, args) when is_map(flags) do
    strategy = Map.get(flags, :strategy, :one_for_one)
    intensity = Map.get(flags, :intensity, 1)
    period = Map.get(flags, :period, 5)
    init_state(name, {strategy, intensity, period}, mod, args)
  end

  defp init_state(name, {strategy, intensity, period}, mod, args) do
    cond do
      strategy not in [:one_for_one, :one_for_all, :rest_for_one] ->
        {:invalid_strategy, strategy}

      not (is_integer(intensity) and intensity >= 0) ->
        {:invalid_intensity, intensity}

      not (is_integer(period) and period > 0) ->
        {:invalid_period, period}

      true ->
        {:ok,
         %{
           name: name,
           strategy: strategy,
           ids: [],
           children: %{},
           intensity: intensity,
           period: period,
           restarts: [],
           module: mod,
           args: args
         }}
    end
  end

  defp init_state(_name, flags, _mod, _args), do: {:invalid_type, flags}

  defp init_children(state, start_spec) do
    case check_startspec(start_spec) do
      {:ok, children} ->
        case start_children(children) do
          {:ok, started} ->
            {:ok, put_children(state, started)}

          {:error, started, reason} ->
            terminate_children(started)
            {:stop, {:shutdown, reason}}
        end

      error ->
        {:stop, {:start_spec, error}}
    end
  end

  def handle_call({:start_child, spec}, _from, state) do
    case check_childspec(spec) do
      {:ok, child} ->
        {reply, state} = handle_start_child(child, state)
        {:reply, reply, state}

      what ->
        {:reply, {:error, what}, state}
    end
  end

  def handle_call({:terminate_child, pid}, _from, state) when is_pid(pid) do
    case find_by_pid(state, pid) do
      {:ok, child} ->
        do_terminate(child)
        {:reply, :ok, del_child(state, child)}

      :error ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call({:terminate_child, id}, _from, state) do
    case Map.fetch(state.children, id) do
      {:ok, child} ->
        do_terminate(child)
        {:reply, :ok, del_child(state, child)}

      :error ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call({:restart_child, id}, _from, state) do
    case Map.fetch(state.children, id) do
      {:ok, child} when elem(child, 1) == :undefined ->
        case do_start_child(child) do
          {:ok, pid} ->
            {:reply, {:ok, pid}, set_pid(state, id, pid)}

          {:ok, pid, extra} ->
            {:reply, {:ok, pid, extra}, set_pid(state, id, pid)}

          error ->
            {:reply, error, state}
        end

      {:ok, child} when is_tuple(elem(child, 1)) ->
        {:reply, {:error, :restarting}, state}

      {:ok, _} ->
        {:reply, {:error, :running}, state}

      :error ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call({:delete_child, id}, _from, state) do
    case Map.fetch(state.children, id) do
      {:ok, child} when elem(child, 1) == :undefined ->
        {:reply, :ok, remove_child(state, id)}

      {:ok, child} when is_tuple(elem(child, 1)) ->
        {:reply, {:error, :restarting}, state}

      {:ok, _} ->
        {:reply, {:error, :running}, state}

      :error ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call({:get_childspec, id}, _from, state) do
    case Map.fetch(state.children, id) do
      {:ok, child} -> {:reply, {:ok, child_to_spec(child)}, state}
      :error -> {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call(:which_children, _from, state) do
    list =
      for id <- state.ids do
        {:child, pid, ^id, _mfa, _restart, _sig, _shutdown, type, mods} = state.children[id]
        pid = if is_tuple(pid), do: :restarting, else: pid
        {id, pid, type, mods}
      end

    {:reply, list, state}
  end

  def handle_call(:count_children, _from, state) do
    {specs, active, sups, workers} =
      Enum.reduce(Map.values(state.children), {0, 0, 0, 0}, fn child, {s, a, su, w} ->
        a = if is_pid(elem(child, 1)), do: a + 1, else: a

        case elem(child, 7) do
          :supervisor -> {s + 1, a, su + 1, w}
          :worker -> {s + 1, a, su, w + 1}
        end
      end)

    {:reply, [specs: specs, active: active, supervisors: sups, workers: workers], state}
  end

  def handle_call(:get_callback_module, _from, state) do
    {:reply, state.module, state}
  end

  def handle_call(request, _from, state) do
    GenServer.__report__("Supervisor received unexpected call: #{inspect(request)}")
    {:reply, :ignore, state}
  end

  # A restart that failed is tried again from here, so that other
  # requests (a stop, say) get in between.
  def handle_cast({:try_again_restart, id}, state) do
    case Map.fetch(state.children, id) do
      {:ok, child} when is_tuple(elem(child, 1)) or elem(child, 1) == :restarting ->
        case restart(child, state) do
          {:ok, state} -> {:noreply, state}
          {:shutdown, state} -> {:stop, :shutdown, state}
        end

      _ ->
        {:noreply, state}
    end
  end

  def handle_cast(_msg, state), do: {:noreply, state}

  def handle_info({:EXIT, pid, reason}, state) do
    case find_by_pid(state, pid) do
      {:ok, child} ->
        case do_restart(reason, child, state) do
          {:ok, state} -> {:noreply, state}
          {:shutdown, state} -> {:stop, :shutdown, state}
        end

      :error ->
        {:noreply, state}
    end
  end

  def handle_info(msg, state) do
    GenServer.__report__("Supervisor received unexpected message: #{inspect(msg)}")
    {:noreply, state}
  end

  def terminate(_reason, state) do
    terminate_children(children_list(state))
    :ok
  end

  def code_change(_old, state, _extra), do: {:ok, state}

  def format_status(_opt, [_pdict, state]), do: [data: [{'State', state}]]

  # -------------------------------------------------------------- children

  # Children in start order (oldest first), as a list of records.
  defp children_list(state), do: Enum.reverse(Enum.map(state.ids, &state.children[&1]))

  defp put_children(state, children) do
    %{
      state
      | ids: Enum.reverse(Enum.map(children, &elem(&1, 2))),
        children: Map.new(children, &{elem(&1, 2), &1})
    }
  end

  defp set_pid(state, id, pid) do
    %{state | children: Map.update!(state.children, id, &put_elem(&1, 1, pid))}
  end

  defp remove_child(state, id) do
    %{state | ids: List.delete(state.ids, id), children: Map.delete(state.children, id)}
  end

  # A stopped child: a temporary one is forgotten, another keeps its spec.
  defp del_child(state, child) do
    id = elem(child, 2)

    if elem(child, 4) == :temporary,
      do: remove_child(state, id),
      else: set_pid(state, id, :undefined)
  end

  defp find_by_pid(state, pid) do
    Enum.find_value(state.children, :error, fn {_id, child} ->
      if elem(child, 1) == pid, do: {:ok, child}
    end)
  end

  defp handle_start_child(child, state) do
    id = elem(child, 2)

    case Map.fetch(state.children, id) do
      :error ->
        case do_start_child(child) do
          {:ok, :undefined} when elem(child, 4) == :temporary ->
            {{:ok, :undefined}, state}

          {:ok, pid} ->
            {{:ok, pid}, save_child(state, put_elem(child, 1, pid))}

          {:ok, pid, extra} ->
            {{:ok, pid, extra}, save_child(state, put_elem(child, 1, pid))}

          {:error, reason} ->
            {{:error, {reason, child}}, state}
        end

      {:ok, old} when is_pid(elem(old, 1)) ->
        {{:error, {:already_started, elem(old, 1)}}, state}

      {:ok, _old} ->
        {{:error, :already_present}, state}
    end
  end

  defp save_child(state, child) do
    id = elem(child, 2)
    %{state | ids: [id | state.ids], children: Map.put(state.children, id, child)}
  end

  # Start each child in order; the first failure stops the walk and
  # gives back the children started so far with it.
  defp start_children(children), do: start_children(children, [])

  defp start_children([], acc), do: {:ok, Enum.reverse(acc)}

  defp start_children([child | rest], acc) do
    case do_start_child(child) do
      {:ok, :undefined} when elem(child, 4) == :temporary ->
        start_children(rest, acc)

      {:ok, pid} ->
        start_children(rest, [put_elem(child, 1, pid) | acc])

      {:ok, pid, _extra} ->
        start_children(rest, [put_elem(child, 1, pid) | acc])

      {:error, reason} ->
        {:error, Enum.reverse(acc, [child | rest]), {:failed_to_start_child, elem(child, 2), reason}}
    end
  end

  # Erlang's `catch apply(m, f, a)`: an exception becomes {:EXIT, ...}.
  defp do_start_child(child) do
    {m, f, a} = elem(child, 3)

    result =
      try do
        apply(m, f, a)
      catch
        :exit, reason -> {:EXIT, reason}
        :error, reason -> {:EXIT, {reason, __STACKTRACE__}}
        :throw, value -> value
      end

    case result do
      {:ok, pid} when is_pid(pid) -> {:ok, pid}
      {:ok, pid, extra} when is_pid(pid) -> {:ok, pid, extra}
      :ignore -> {:ok, :undefined}
      {:error, error} -> {:error, error}
      what -> {:error, what}
    end
  end

  # Stop every running child, newest first; the children come back with
  # no pid (temporary ones dropped).
  defp terminate_children(children) do
    children
    |> Enum.reverse()
    |> Enum.reduce([], fn child, acc ->
      if is_pid(elem(child, 1)), do: do_terminate(child)

      if elem(child, 4) == :temporary,
        do: acc,
        else: [put_elem(child, 1, :undefined) | acc]
    end)
  end

  defp do_terminate(child) do
    if is_pid(elem(child, 1)), do: shutdown(child)
    :ok
  end

  defp shutdown(child) do
    pid = elem(child, 1)
    ref = Process.monitor(pid)

    case elem(child, 6) do
      :brutal_kill ->
        Process.exit(pid, :kill)

        receive do
          {:DOWN, ^ref, :process, ^pid, reason} -> unlink_flush(pid, reason)
        end

      time ->
        Process.exit(pid, :shutdown)

        receive do
          {:DOWN, ^ref, :process, ^pid, reason} -> unlink_flush(pid, reason)
        after
          time ->
            Process.exit(pid, :kill)

            receive do
              {:DOWN, ^ref, :process, ^pid, reason} -> unlink_flush(pid, reason)
            end
        end
    end
  end

  # The link's EXIT has arrived too once unlinked: take it out of the
  # mailbox, so it is not taken for a crash later.
  defp unlink_flush(pid, default) do
    Process.unlink(pid)

    receive do
      {:EXIT, ^pid, reason} -> reason
    after
      0 -> default
    end
  end

  # ------------------------------------------------------------- restarts

  defp do_restart(reason, child, state) do
    restart = elem(child, 4)
    clean = reason == :normal or reason == :shutdown or match?({:shutdown, _}, reason)

    cond do
      restart == :permanent -> restart(child, state)
      clean -> {:ok, del_child(state, child)}
      restart == :transient -> restart(child, state)
      true -> {:ok, del_child(state, child)}
    end
  end

  defp restart(child, state) do
    case add_restart(state) do
      {:ok, state} ->
        case restart(state.strategy, child, state) do
          {{:try_again, id}, state} ->
            GenServer.cast(self(), {:try_again_restart, id})
            {:ok, state}

          other ->
            other
        end

      {:terminate, state} ->
        {:shutdown, del_child(state, child)}
    end
  end

  defp restart(:one_for_one, child, state) do
    id = elem(child, 2)

    case do_start_child(child) do
      {:ok, pid} -> {:ok, set_pid(state, id, pid)}
      {:ok, pid, _extra} -> {:ok, set_pid(state, id, pid)}
      {:error, _reason} -> {{:try_again, id}, set_pid(state, id, restarting(elem(child, 1)))}
    end
  end

  defp restart(:rest_for_one, child, state) do
    id = elem(child, 2)
    {before, rest} = Enum.split_while(children_list(state), &(elem(&1, 2) != id))
    rest = [put_elem(child, 1, :undefined) | tl(rest)]
    {result, rest} = restart_multiple(child, rest)
    {result, put_children(state, before ++ rest)}
  end

  defp restart(:one_for_all, child, state) do
    id = elem(child, 2)

    children =
      Enum.map(children_list(state), fn c ->
        if elem(c, 2) == id, do: put_elem(c, 1, :undefined), else: c
      end)

    {result, children} = restart_multiple(child, children)
    {result, put_children(state, children)}
  end

  defp restart_multiple(child, children) do
    children = terminate_children(children)

    case start_children(children) do
      {:ok, children} ->
        {:ok, children}

      {:error, children, {:failed_to_start_child, failed, _reason}} ->
        pid =
          if failed == elem(child, 2),
            do: restarting(elem(child, 1)),
            else: {:restarting, :undefined}

        children =
          Enum.map(children, fn c -> if elem(c, 2) == failed, do: put_elem(c, 1, pid), else: c end)

        {{:try_again, failed}, children}
    end
  end

  defp restarting(pid) when is_pid(pid), do: {:restarting, pid}
  defp restarting(other), do: other

  # max_restarts in max_seconds: one more restart than the intensity
  # within the period and the supervisor gives up.
  defp add_restart(state) do
    now = System.monotonic_time(:second)
    threshold = now - state.period
    restarts = Enum.filter([now | state.restarts], &(&1 >= threshold))
    state = %{state | restarts: restarts}

    if length(restarts) <= state.intensity, do: {:ok, state}, else: {:terminate, state}
  end

  # ---------------------------------------------------------- child specs

  defp check_startspec(specs), do: check_startspec(specs, [], MapSet.new())

  defp check_startspec([], acc, _ids), do: {:ok, Enum.reverse(acc)}

  defp check_startspec([spec | rest], acc, ids) do
    case check_childspec(spec) do
      {:ok, child} ->
        id = elem(child, 2)

        if MapSet.member?(ids, id),
          do: {:duplicate_child_name, id},
          else: check_startspec(rest, [child | acc], MapSet.put(ids, id))

      error ->
        error
    end
  end

  defp check_startspec(other, _acc, _ids), do: {:bad_start_spec, other}

  defp check_childspec(spec) when is_map(spec) do
    try do
      id =
        case Map.fetch(spec, :id) do
          {:ok, id} -> id
          :error -> throw(:missing_id)
        end

      mfa =
        case Map.fetch(spec, :start) do
          {:ok, start} -> valid_mfa(start)
          :error -> throw(:missing_start)
        end

      restart = valid_restart(Map.get(spec, :restart, :permanent))
      significant = Map.get(spec, :significant, false)
      type = valid_type(Map.get(spec, :type, :worker))
      default_shutdown = if type == :worker, do: 5000, else: :infinity
      shutdown = valid_shutdown(Map.get(spec, :shutdown, default_shutdown))
      modules = valid_modules(Map.get(spec, :modules, [elem(mfa, 0)]))
      {:ok, {:child, :undefined, id, mfa, restart, significant, shutdown, type, modules}}
    catch
      :throw, error -> error
    end
  end

  defp check_childspec({id, mfa, restart, shutdown, type, modules}) do
    check_childspec(%{
      id: id,
      start: mfa,
      restart: restart,
      shutdown: shutdown,
      type: type,
      modules: modules
    })
  end

  defp check_childspec(x), do: {:invalid_child_spec, x}

  defp valid_mfa({m, f, a} = mfa) when is_atom(m) and is_atom(f) and is_list(a), do: mfa
  defp valid_mfa(mfa), do: throw({:invalid_mfa, mfa})

  defp valid_restart(r) when r in [:permanent, :transient, :temporary], do: r
  defp valid_restart(r), do: throw({:invalid_restart_type, r})

  defp valid_type(t) when t in [:worker, :supervisor], do: t
  defp valid_type(t), do: throw({:invalid_child_type, t})

  defp valid_shutdown(s) when s in [:brutal_kill, :infinity], do: s
  defp valid_shutdown(s) when is_integer(s) and s >= 0, do: s
  defp valid_shutdown(s), do: throw({:invalid_shutdown, s})

  defp valid_modules(:dynamic), do: :dynamic

  defp valid_modules(mods) when is_list(mods) do
    if Enum.all?(mods, &is_atom/1), do: mods, else: throw({:invalid_modules, mods})
  end

  defp valid_modules(mods), do: throw({:invalid_modules, mods})

  defp child_to_spec({:child, _pid, id, mfa, restart, significant, shutdown, type, mods}) do
    %{
      id: id,
      start: mfa,
      restart: restart,
      significant: significant,
      shutdown: shutdown,
      type: type,
      modules: mods
    }
  end
end
