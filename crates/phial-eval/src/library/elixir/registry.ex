# Registry: Elixir 1.14's local key-value process storage (unique and
# duplicate keys, lookups, match specs, dispatch, meta data, :via names)
# with its public API and messages. phial has no ETS, so the store is one
# process per registry, `Registry.Partition`, a GenServer that owns the
# entries, links to every registrant (trapping exits) and drops a dead
# registrant's entries when its EXIT arrives, as Elixir's partitions do.
# Writes are calls that carry the caller's pid; reads fetch the store
# (sending is a pointer copy) and compute in the caller, so a callback
# (dispatch, update_value) or a bad match spec runs or raises in the
# caller, as with ETS. `Registry.MatchSpec` runs ETS match specifications
# over the store's objects `{key, {pid, value}}`.
#
# Not here: real partitioning (`:partitions` is accepted and checked, but
# one process holds every entry, so a duplicate registry's dispatch calls
# its callback once rather than once per partition), `:compressed` (checked,
# then meaningless).
defmodule Registry do
  @keys [:unique, :duplicate]

  # ------------------------------------------------------------- via names

  @doc false
  def whereis_name({registry, key}), do: whereis_name(registry, key)
  def whereis_name({registry, key, _value}), do: whereis_name(registry, key)

  defp whereis_name(registry, key) do
    case info!(registry) do
      {_pid, :unique, _, _} ->
        case Map.fetch(store(registry).keys, key) do
          {:ok, {pid, _}} -> if Process.alive?(pid), do: pid, else: :undefined
          :error -> :undefined
        end

      {_pid, kind, _, _} ->
        raise ArgumentError, ":via is not supported for #{kind} registries"
    end
  end

  @doc false
  def register_name({registry, key}, pid), do: register_name(registry, key, nil, pid)
  def register_name({registry, key, value}, pid), do: register_name(registry, key, value, pid)

  # (Elixir guards this clause with `pid == self()`.)
  defp register_name(registry, key, value, pid) do
    unless pid == self() do
      raise FunctionClauseError, module: Registry, function: :register_name, arity: 4
    end

    case register(registry, key, value) do
      {:ok, _} -> :yes
      {:error, _} -> :no
    end
  end

  @doc false
  def send({registry, key}, msg) do
    case lookup(registry, key) do
      [{pid, _}] -> Kernel.send(pid, msg)
      [] -> :erlang.error(:badarg, [{registry, key}, msg])
    end
  end

  def send({registry, key, _value}, msg) do
    Registry.send({registry, key}, msg)
  end

  @doc false
  def unregister_name({registry, key}), do: unregister(registry, key)
  def unregister_name({registry, key, _value}), do: unregister(registry, key)

  # ---------------------------------------------------------------- start

  def start_link(options) do
    keys = Keyword.get(options, :keys)

    unless keys in @keys do
      raise ArgumentError,
            "expected :keys to be given and be one of :unique or :duplicate, got: #{inspect(keys)}"
    end

    name =
      case Keyword.fetch(options, :name) do
        {:ok, name} when is_atom(name) ->
          name

        {:ok, other} ->
          raise ArgumentError, "expected :name to be an atom, got: #{inspect(other)}"

        :error ->
          raise ArgumentError, "expected :name option to be present"
      end

    meta = Keyword.get(options, :meta, [])

    unless Keyword.keyword?(meta) do
      raise ArgumentError, "expected :meta to be a keyword list, got: #{inspect(meta)}"
    end

    partitions = Keyword.get(options, :partitions, 1)

    unless is_integer(partitions) and partitions >= 1 do
      raise ArgumentError,
            "expected :partitions to be a positive integer, got: #{inspect(partitions)}"
    end

    listeners = Keyword.get(options, :listeners, [])

    unless is_list(listeners) and Enum.all?(listeners, &is_atom/1) do
      raise ArgumentError,
            "expected :listeners to be a list of named processes, got: #{inspect(listeners)}"
    end

    compressed = Keyword.get(options, :compressed, false)

    unless is_boolean(compressed) do
      raise ArgumentError,
            "expected :compressed to be a boolean, got: #{inspect(compressed)}"
    end

    arg = {keys, name, partitions, listeners, meta}
    GenServer.start_link(Registry.Partition, arg, name: name)
  end

  @doc false
  def start_link(keys, name, options \\ []) when keys in @keys and is_atom(name) do
    start_link([keys: keys, name: name] ++ options)
  end

  def child_spec(options) do
    %{
      id: Keyword.get(options, :name, Registry),
      start: {Registry, :start_link, [options]},
      type: :supervisor
    }
  end

  # ---------------------------------------------------------------- writes

  def register(registry, key, value) when is_atom(registry) do
    {pid, _kind, _partitions, listeners} = info!(registry)

    case call(pid, registry, {:register, key, value}) do
      {:ok, _} = ok ->
        for listener <- listeners do
          Kernel.send(listener, {:register, registry, key, self(), value})
        end

        ok

      {:error, _} = error ->
        error
    end
  end

  def unregister(registry, key) when is_atom(registry) do
    {pid, _kind, _partitions, listeners} = info!(registry)
    :ok = call(pid, registry, {:unregister, key})

    for listener <- listeners do
      Kernel.send(listener, {:unregister, registry, key, self()})
    end

    :ok
  end

  def unregister_match(registry, key, pattern, guards \\ []) when is_list(guards) do
    {pid, _kind, _partitions, listeners} = info!(registry)
    # Checked here, so a bad spec raises in the caller as :ets.select_delete's would.
    spec = Registry.MatchSpec.check!([{{:_, {:_, pattern}}, guards, [true]}])
    {deleted, total} = call(pid, registry, {:unregister_match, key, spec})

    if deleted == total do
      for listener <- listeners do
        Kernel.send(listener, {:unregister, registry, key, self()})
      end
    end

    :ok
  end

  def update_value(registry, key, callback) when is_atom(registry) and is_function(callback, 1) do
    case info!(registry) do
      {pid, :unique, _, _} ->
        self = self()

        case Map.fetch(store(registry).keys, key) do
          {:ok, {^self, old_value}} ->
            new_value = callback.(old_value)
            :ok = call(pid, registry, {:update_value, key, new_value})
            {new_value, old_value}

          _ ->
            :error
        end

      {_pid, kind, _, _} ->
        raise ArgumentError, "Registry.update_value/3 is not supported for #{kind} registries"
    end
  end

  # --------------------------------------------------------------- reads

  def dispatch(registry, key, mfa_or_fun, opts \\ [])
      when (is_atom(registry) and is_function(mfa_or_fun, 1)) or
             (is_atom(registry) and tuple_size(mfa_or_fun) == 3) do
    _ = opts
    registry |> entries(key) |> apply_non_empty(mfa_or_fun)
    :ok
  end

  defp apply_non_empty([], _mfa_or_fun), do: :ok
  defp apply_non_empty(entries, {module, function, args}), do: apply(module, function, [entries | args])
  defp apply_non_empty(entries, fun), do: fun.(entries)

  def lookup(registry, key) when is_atom(registry), do: entries(registry, key)

  # `[{pid, value}]` under `key`, in the order they were registered.
  defp entries(registry, key) do
    info!(registry)
    %{kind: kind, keys: keys} = store(registry)

    case {kind, Map.fetch(keys, key)} do
      {_, :error} -> []
      {:unique, {:ok, pair}} -> [pair]
      {:duplicate, {:ok, newest_first}} -> Enum.reverse(newest_first)
    end
  end

  def match(registry, key, pattern, guards \\ []) when is_atom(registry) and is_list(guards) do
    spec = Registry.MatchSpec.check!([{{:_, {:_, pattern}}, guards, [{:element, 2, :"$_"}]}])
    Registry.MatchSpec.select(spec, key_objects(registry, key))
  end

  def count_match(registry, key, pattern, guards \\ [])
      when is_atom(registry) and is_list(guards) do
    spec = Registry.MatchSpec.check!([{{:_, {:_, pattern}}, guards, [true]}])
    Registry.MatchSpec.count(spec, key_objects(registry, key))
  end

  def keys(registry, pid) when is_atom(registry) and is_pid(pid) do
    info!(registry)
    %{kind: kind, pids: pids} = store(registry)
    keys = Map.get(pids, pid, [])
    if kind == :unique, do: Enum.uniq(keys), else: keys
  end

  def values(registry, key, pid) when is_atom(registry) do
    for {^pid, value} <- entries(registry, key), do: value
  end

  def count(registry) when is_atom(registry) do
    info!(registry)
    store(registry).count
  end

  def select(registry, spec) when is_atom(registry) and is_list(spec) do
    spec = spec |> group_match_headers(:select) |> Registry.MatchSpec.check!()
    Registry.MatchSpec.select(spec, all_objects(registry))
  end

  def count_select(registry, spec) when is_atom(registry) and is_list(spec) do
    spec = spec |> group_match_headers(:count_select) |> Registry.MatchSpec.check!()
    Registry.MatchSpec.count(spec, all_objects(registry))
  end

  # `{key, pid, value}` heads become the store's `{key, {pid, value}}`.
  defp group_match_headers(spec, fun) do
    for part <- spec do
      case part do
        {{key, pid, value}, guards, select} ->
          {{key, {pid, value}}, guards, select}

        _ ->
          raise ArgumentError,
                "invalid match specification in Registry.#{fun}/2: #{inspect(spec)}"
      end
    end
  end

  # The store's objects, as an ETS table of the registry would hold them.
  defp key_objects(registry, key) do
    for pair <- entries(registry, key), do: {key, pair}
  end

  defp all_objects(registry) do
    info!(registry)
    %{kind: kind, keys: keys} = store(registry)

    case kind do
      :unique -> Enum.to_list(keys)
      :duplicate -> for {key, list} <- keys, pair <- Enum.reverse(list), do: {key, pair}
    end
  end

  # ---------------------------------------------------------------- meta

  def meta(registry, key) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    case :persistent_term.get({Registry, registry}, nil) do
      {pid, _, _, _} ->
        if Process.alive?(pid) do
          Map.fetch(store(registry).meta, key)
        else
          unknown_meta!(registry)
        end

      nil ->
        unknown_meta!(registry)
    end
  end

  defp unknown_meta!(registry) do
    raise ArgumentError,
          "unknown registry: #{inspect(registry)}. Either the registry name is invalid or " <>
            "the registry is not running, possibly because its application isn't started"
  end

  def put_meta(registry, key, value) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    {pid, _, _, _} = info!(registry)
    call(pid, registry, {:put_meta, key, value})
  end

  def delete_meta(registry, key) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    {pid, _, _, _} = info!(registry)
    call(pid, registry, {:delete_meta, key})
  end

  # ------------------------------------------------------------- helpers

  @doc false
  # Deletes the store's objects `{key, {pid, value}}` that `match` (a
  # pattern with `:_`, position 1), or the registrations `{pid, key, _, _}`
  # names (position 2, Elixir's pid-table form).
  def __unregister__(registry, match, pos) do
    pattern =
      case pos do
        1 -> match
        2 -> {elem(match, 1), {elem(match, 0), :_}}
      end

    {pid, _, _, _} = info!(registry)
    call(pid, registry, {:delete_matching, Registry.MatchSpec.check!([{pattern, [], [true]}])})
    true
  end

  # What Registry.Partition put in `:persistent_term` when it started:
  # `{pid, kind, partitions, listeners}`, while that process lives.
  defp info!(registry) do
    case :persistent_term.get({Registry, registry}, nil) do
      {pid, _kind, _partitions, _listeners} = info ->
        if Process.alive?(pid), do: info, else: unknown!(registry)

      nil ->
        unknown!(registry)
    end
  end

  defp unknown!(registry), do: raise(ArgumentError, "unknown registry: #{inspect(registry)}")

  defp store(registry) do
    {pid, _, _, _} = info!(registry)
    call(pid, registry, :store)
  end

  # A registry that stops between the check and the call is unknown.
  defp call(pid, registry, request) do
    try do
      GenServer.call(pid, request, :infinity)
    catch
      :exit, _ -> unknown!(registry)
    end
  end
end

defmodule Registry.Partition do
  @moduledoc false
  # The process holding one registry's entries (a GenServer callback
  # module). Its state: `keys` (unique: `key => {pid, value}`; duplicate:
  # `key => [{pid, value}]`, newest first), `pids` (`pid => [key]`, newest
  # first, one per registration: `Registry.keys/2`'s order), `count`
  # (registrations) and `meta`. It traps exits and is linked to every
  # registrant; it unlinks one that has no registration left, unless that
  # is its own parent, whose link start_link made.

  def init({kind, name, partitions, listeners, meta}) do
    Process.flag(:trap_exit, true)
    :persistent_term.put({Registry, name}, {self(), kind, partitions, listeners})

    parent =
      case Process.get(:"$ancestors") do
        [parent | _] -> parent
        _ -> nil
      end

    {:ok,
     %{
       kind: kind,
       name: name,
       parent: parent,
       keys: %{},
       pids: %{},
       count: 0,
       meta: Map.new(meta)
     }}
  end

  def handle_call(:store, _from, state), do: {:reply, state, state}

  def handle_call({:register, key, value}, {pid, _}, state) do
    case register(state, key, pid, value) do
      {:ok, state} ->
        Process.link(pid)
        state = %{state | pids: Map.update(state.pids, pid, [key], &[key | &1])}
        {:reply, {:ok, self()}, %{state | count: state.count + 1}}

      {:error, _} = error ->
        {:reply, error, state}
    end
  end

  def handle_call({:unregister, key}, {pid, _}, state) do
    {:reply, :ok, delete(state, pid, key, fn _ -> true end)}
  end

  def handle_call({:unregister_match, key, spec}, {pid, _}, state) do
    mine = fn {owner, _} -> owner == pid end
    total = state |> entries(key) |> Enum.count(mine)

    deleted =
      state
      |> entries(key)
      |> Enum.count(fn pair -> mine.(pair) and Registry.MatchSpec.count(spec, [{key, pair}]) == 1 end)

    state =
      delete(state, pid, key, fn pair -> Registry.MatchSpec.count(spec, [{key, pair}]) == 1 end)

    {:reply, {deleted, total}, state}
  end

  def handle_call({:update_value, key, new_value}, {pid, _}, state) do
    state =
      case state.keys do
        %{^key => {^pid, _}} -> %{state | keys: Map.put(state.keys, key, {pid, new_value})}
        _ -> state
      end

    {:reply, :ok, state}
  end

  def handle_call({:delete_matching, spec}, _from, state) do
    doomed =
      for {key, pair} <- objects(state), Registry.MatchSpec.count(spec, [{key, pair}]) == 1,
          uniq: true,
          do: {elem(pair, 0), key}

    state =
      Enum.reduce(doomed, state, fn {pid, key}, state ->
        delete(state, pid, key, fn pair -> Registry.MatchSpec.count(spec, [{key, pair}]) == 1 end)
      end)

    {:reply, :ok, state}
  end

  def handle_call({:put_meta, key, value}, _from, state) do
    {:reply, :ok, %{state | meta: Map.put(state.meta, key, value)}}
  end

  def handle_call({:delete_meta, key}, _from, state) do
    {:reply, :ok, %{state | meta: Map.delete(state.meta, key)}}
  end

  def handle_cast(_msg, state), do: {:noreply, state}

  # A registrant ended (or was never alive: linking a dead one gives
  # `:noproc`): all its entries go.
  def handle_info({:EXIT, pid, _reason}, state) do
    keys = Map.get(state.pids, pid, [])
    state = %{state | pids: Map.delete(state.pids, pid)}

    state =
      keys
      |> Enum.uniq()
      |> Enum.reduce(state, fn key, state -> drop_entries(state, pid, key, fn _ -> true end) end)

    {:noreply, state}
  end

  def handle_info(_msg, state), do: {:noreply, state}

  def terminate(_reason, state) do
    case :persistent_term.get({Registry, state.name}, nil) do
      {pid, _, _, _} when pid == self() -> :persistent_term.erase({Registry, state.name})
      _ -> :ok
    end

    :ok
  end

  # A unique key held by a process that is gone is free again.
  defp register(%{kind: :unique} = state, key, pid, value) do
    case state.keys do
      %{^key => {owner, _}} ->
        if Process.alive?(owner) do
          {:error, {:already_registered, owner}}
        else
          state = drop_entries(state, owner, key, fn _ -> true end)
          state = %{state | pids: remove_keys(state.pids, owner, key, 0)}
          register(state, key, pid, value)
        end

      %{} ->
        {:ok, %{state | keys: Map.put(state.keys, key, {pid, value})}}
    end
  end

  defp register(%{kind: :duplicate} = state, key, pid, value) do
    {:ok, %{state | keys: Map.update(state.keys, key, [{pid, value}], &[{pid, value} | &1])}}
  end

  defp entries(state, key) do
    case {state.kind, Map.fetch(state.keys, key)} do
      {_, :error} -> []
      {:unique, {:ok, pair}} -> [pair]
      {:duplicate, {:ok, list}} -> Enum.reverse(list)
    end
  end

  defp objects(state) do
    for {key, e} <- state.keys, pair <- List.wrap(e), do: {key, pair}
  end

  # Removes `pid`'s entries under `key` for which `doomed?` holds, and as
  # many of its registrations of `key`; unlinks it when none is left.
  defp delete(state, pid, key, doomed?) do
    state = drop_entries(state, pid, key, doomed?)
    remaining = state |> entries(key) |> Enum.count(fn {owner, _} -> owner == pid end)
    pids = remove_keys(state.pids, pid, key, remaining)

    if not Map.has_key?(pids, pid) and pid != state.parent do
      Process.unlink(pid)
    end

    %{state | pids: pids}
  end

  # Drops `pid`'s entries under `key` that `doomed?` accepts.
  defp drop_entries(state, pid, key, doomed?) do
    case {state.kind, Map.fetch(state.keys, key)} do
      {_, :error} ->
        state

      {:unique, {:ok, {^pid, _} = pair}} ->
        if doomed?.(pair),
          do: %{state | keys: Map.delete(state.keys, key), count: state.count - 1},
          else: state

      {:unique, {:ok, _}} ->
        state

      {:duplicate, {:ok, list}} ->
        kept = Enum.reject(list, fn {owner, _} = pair -> owner == pid and doomed?.(pair) end)
        gone = length(list) - length(kept)

        keys =
          if kept == [], do: Map.delete(state.keys, key), else: Map.put(state.keys, key, kept)

        %{state | keys: keys, count: state.count - gone}
    end
  end

  # `pid`'s registrations with every `key` taken out and `remaining` put
  # back in front (where Elixir's pid table puts re-inserted ones).
  defp remove_keys(pids, pid, key, remaining) do
    case Map.fetch(pids, pid) do
      {:ok, keys} ->
        keys = List.duplicate(key, remaining) ++ Enum.reject(keys, &(&1 === key))
        if keys == [], do: Map.delete(pids, pid), else: Map.put(pids, pid, keys)

      :error ->
        pids
    end
  end
end

defmodule Registry.MatchSpec do
  @moduledoc false
  # ETS match specifications, `[{head, guards, body}]`, run over a list of
  # objects as :ets.select and :ets.select_count run them over a table:
  # the first clause whose head matches and whose guards are all `true`
  # gives the object's result (the last body expression); a guard that
  # raises is false, a body expression that raises gives `:EXIT`. Heads:
  # `:_`, variables `:"$N"`, tuples, lists, maps (matching maps that have
  # at least the pattern's keys) and literals (compared with `===`).
  # Guards and bodies: variables, `:"$_"` (the object), `:"$$"` (the
  # variables in order), `{:const, term}`, `{{...}}` (a tuple built),
  # lists and maps built, and the guard functions ETS knows.
  # `check!/1` refuses what ETS refuses with its ArgumentError.

  # The guard functions ETS accepts (OTP 25: no `is_boolean`,
  # `is_bitstring`, `tuple_size`, `is_function/2` or `is_record/2`).
  @bifs %{
    is_atom: 1, is_binary: 1, is_float: 1, is_function: 1, is_integer: 1,
    is_list: 1, is_map: 1, is_number: 1, is_pid: 1, is_port: 1,
    is_reference: 1, is_tuple: 1, is_record: 3, abs: 1, hd: 1, tl: 1,
    length: 1, map_size: 1, round: 1, size: 1,
    bit_size: 1, byte_size: 1, trunc: 1, float: 1, bnot: 1, not: 1,
    self: 0, element: 2, map_get: 2, is_map_key: 2, div: 2, rem: 2,
    band: 2, bor: 2, bxor: 2, bsl: 2, bsr: 2, *: 2, "/": 2, ">": 2, ">=": 2,
    "<": 2, "=<": 2, "=:=": 2, "==": 2, "=/=": 2, "/=": 2, xor: 2
  }

  @variadic [:andalso, :orelse, :and, :or]

  @doc false
  def check!(spec) do
    ok =
      is_list(spec) and
        Enum.all?(spec, fn
          {head, guards, body} when is_list(guards) and is_list(body) ->
            bound = head_vars(head, MapSet.new())
            Enum.all?(guards, &expr_ok?(&1, bound)) and Enum.all?(body, &expr_ok?(&1, bound))

          _ ->
            false
        end)

    unless ok do
      raise ArgumentError,
            "errors were found at the given arguments:\n\n" <>
              "  * 2nd argument: not a valid match specification\n"
    end

    spec
  end

  @doc false
  def select(spec, objects) do
    for object <- objects, {:ok, result} <- [run(spec, object)], do: result
  end

  @doc false
  def count(spec, objects) do
    Enum.count(objects, fn object -> run(spec, object) == {:ok, true} end)
  end

  defp run([], _object), do: :nomatch

  defp run([{head, guards, body} | rest], object) do
    with {:ok, binds} <- match(head, object, %{}),
         true <- guards_pass?(guards, binds, object) do
      {:ok, body_value(body, binds, object)}
    else
      _ -> run(rest, object)
    end
  end

  defp guards_pass?(guards, binds, object) do
    Enum.all?(guards, fn guard ->
      try do
        eval(guard, binds, object) == true
      catch
        _, _ -> false
      end
    end)
  end

  defp body_value(body, binds, object) do
    try do
      Enum.reduce(body, nil, fn expr, _ -> eval(expr, binds, object) end)
    catch
      _, _ -> :EXIT
    end
  end

  # ------------------------------------------------------------ heads

  defp match(:_, _object, binds), do: {:ok, binds}

  defp match(pattern, object, binds) when is_atom(pattern) do
    case var(pattern) do
      nil ->
        if pattern === object, do: {:ok, binds}, else: :error

      n ->
        case binds do
          %{^n => bound} -> if bound === object, do: {:ok, binds}, else: :error
          %{} -> {:ok, Map.put(binds, n, object)}
        end
    end
  end

  defp match(pattern, object, binds) when is_tuple(pattern) do
    if is_tuple(object) and tuple_size(object) == tuple_size(pattern) do
      match_list(Tuple.to_list(pattern), Tuple.to_list(object), binds)
    else
      :error
    end
  end

  defp match([p | ps], [o | os], binds) do
    with {:ok, binds} <- match(p, o, binds), do: match(ps, os, binds)
  end

  defp match(pattern, object, binds) when is_map(pattern) do
    if is_map(object) do
      Enum.reduce_while(pattern, {:ok, binds}, fn {k, p}, {:ok, binds} ->
        with {:ok, o} <- Map.fetch(object, k),
             {:ok, binds} <- match(p, o, binds) do
          {:cont, {:ok, binds}}
        else
          _ -> {:halt, :error}
        end
      end)
    else
      :error
    end
  end

  defp match(pattern, object, binds) do
    if pattern === object, do: {:ok, binds}, else: :error
  end

  defp match_list([], [], binds), do: {:ok, binds}

  defp match_list([p | ps], [o | os], binds) do
    with {:ok, binds} <- match(p, o, binds), do: match_list(ps, os, binds)
  end

  # The number of a variable `:"$N"`, or nil.
  defp var(atom) do
    case Atom.to_string(atom) do
      "$" <> digits when digits != "" ->
        case Integer.parse(digits) do
          {n, ""} when n >= 0 -> n
          _ -> nil
        end

      _ ->
        nil
    end
  end

  defp head_vars(pattern, acc) when is_atom(pattern) do
    case var(pattern) do
      nil -> acc
      n -> MapSet.put(acc, n)
    end
  end

  defp head_vars(pattern, acc) when is_tuple(pattern),
    do: head_vars(Tuple.to_list(pattern), acc)

  defp head_vars([p | ps], acc), do: head_vars(ps, head_vars(p, acc))

  defp head_vars(pattern, acc) when is_map(pattern),
    do: Enum.reduce(pattern, acc, fn {_k, p}, acc -> head_vars(p, acc) end)

  defp head_vars(_pattern, acc), do: acc

  # ----------------------------------------------------- guards and bodies

  defp expr_ok?(:"$_", _bound), do: true
  defp expr_ok?(:"$$", _bound), do: true

  defp expr_ok?(atom, bound) when is_atom(atom) do
    case var(atom) do
      nil -> true
      n -> MapSet.member?(bound, n)
    end
  end

  defp expr_ok?({:const, _}, _bound), do: true
  defp expr_ok?({tuple}, bound) when is_tuple(tuple), do: expr_ok?(Tuple.to_list(tuple), bound)

  defp expr_ok?(tuple, bound) when is_tuple(tuple) and tuple_size(tuple) > 0 do
    [fun | args] = Tuple.to_list(tuple)
    arity = length(args)

    known =
      cond do
        not is_atom(fun) -> false
        fun in @variadic -> arity >= 1
        fun in [:+, :-] -> arity in [1, 2]
        fun == :binary_part -> arity in [2, 3]
        fun == :node -> arity in [0, 1]
        true -> Map.get(@bifs, fun) == arity
      end

    known and Enum.all?(args, &expr_ok?(&1, bound))
  end

  defp expr_ok?([e | es], bound), do: expr_ok?(e, bound) and expr_ok?(es, bound)

  defp expr_ok?(map, bound) when is_map(map),
    do: Enum.all?(map, fn {k, v} -> expr_ok?(k, bound) and expr_ok?(v, bound) end)

  defp expr_ok?({}, _bound), do: false
  defp expr_ok?(_literal, _bound), do: true

  defp eval(:"$_", _binds, object), do: object

  defp eval(:"$$", binds, _object) do
    binds |> Enum.sort() |> Enum.map(fn {_n, v} -> v end)
  end

  defp eval(atom, binds, _object) when is_atom(atom) do
    case var(atom) do
      nil -> atom
      n -> Map.fetch!(binds, n)
    end
  end

  defp eval({:const, term}, _binds, _object), do: term

  defp eval({tuple}, binds, object) when is_tuple(tuple) do
    tuple |> Tuple.to_list() |> Enum.map(&eval(&1, binds, object)) |> List.to_tuple()
  end

  defp eval(tuple, binds, object) when is_tuple(tuple) and elem(tuple, 0) == :andalso do
    [_ | args] = Tuple.to_list(tuple)
    all_true(args, binds, object)
  end

  defp eval(tuple, binds, object) when is_tuple(tuple) and elem(tuple, 0) == :orelse do
    [_ | args] = Tuple.to_list(tuple)
    any_true(args, binds, object)
  end

  defp eval(tuple, binds, object) when is_tuple(tuple) do
    [fun | args] = Tuple.to_list(tuple)
    call(fun, Enum.map(args, &eval(&1, binds, object)))
  end

  defp eval([e | es], binds, object), do: [eval(e, binds, object) | eval(es, binds, object)]

  defp eval(map, binds, object) when is_map(map) do
    Map.new(map, fn {k, v} -> {eval(k, binds, object), eval(v, binds, object)} end)
  end

  defp eval(literal, _binds, _object), do: literal

  # `andalso`/`orelse` over a list: stops at the first `stop` (false for
  # andalso, true for orelse); every operand must be a boolean.
  defp all_true(list, binds, object), do: short_circuit(list, false, binds, object)
  defp any_true(list, binds, object), do: short_circuit(list, true, binds, object)

  defp short_circuit([last], _stop, binds, object) do
    case eval(last, binds, object) do
      b when is_boolean(b) -> b
      _ -> :erlang.error(:badarg)
    end
  end

  defp short_circuit([e | rest], stop, binds, object) do
    case eval(e, binds, object) do
      ^stop -> stop
      b when is_boolean(b) -> short_circuit(rest, stop, binds, object)
      _ -> :erlang.error(:badarg)
    end
  end

  defp call(:and, args), do: booleans!(args) |> Enum.all?()
  defp call(:or, args), do: booleans!(args) |> Enum.any?()
  defp call(:xor, [a, b]) when is_boolean(a) and is_boolean(b), do: a != b
  defp call(:not, [a]) when is_boolean(a), do: not a
  defp call(:is_atom, [x]), do: is_atom(x)
  defp call(:is_binary, [x]), do: is_binary(x)
  defp call(:is_float, [x]), do: is_float(x)
  defp call(:is_function, [x]), do: is_function(x)
  defp call(:is_integer, [x]), do: is_integer(x)
  defp call(:is_list, [x]), do: is_list(x)
  defp call(:is_map, [x]), do: is_map(x)
  defp call(:is_number, [x]), do: is_number(x)
  defp call(:is_pid, [x]), do: is_pid(x)
  defp call(:is_port, [x]), do: is_port(x)
  defp call(:is_reference, [x]), do: is_reference(x)
  defp call(:is_tuple, [x]), do: is_tuple(x)

  defp call(:is_record, [x, tag, size]),
    do: is_tuple(x) and tuple_size(x) == size and size > 0 and elem(x, 0) === tag

  defp call(:is_map_key, [k, m]), do: is_map_key(m, k)
  defp call(:map_get, [k, m]), do: Map.fetch!(m, k)
  defp call(:map_size, [m]), do: map_size(m)
  defp call(:abs, [x]), do: abs(x)
  defp call(:hd, [x]), do: hd(x)
  defp call(:tl, [x]), do: tl(x)
  defp call(:length, [x]), do: length(x)
  defp call(:node, []), do: node()
  defp call(:node, [x]), do: node(x)
  defp call(:round, [x]), do: round(x)
  defp call(:trunc, [x]), do: trunc(x)
  defp call(:float, [x]) when is_number(x), do: x * 1.0
  defp call(:size, [x]) when is_tuple(x), do: tuple_size(x)
  defp call(:size, [x]) when is_binary(x), do: byte_size(x)
  defp call(:bit_size, [x]), do: bit_size(x)
  defp call(:byte_size, [x]), do: byte_size(x)
  defp call(:element, [n, t]), do: elem(t, n - 1)
  defp call(:binary_part, [b, {start, len}]), do: binary_part(b, start, len)
  defp call(:binary_part, [b, start, len]), do: binary_part(b, start, len)
  defp call(:self, []), do: self()
  defp call(:+, [a]) when is_number(a), do: a
  defp call(:-, [a]), do: -a
  defp call(:+, [a, b]), do: a + b
  defp call(:-, [a, b]), do: a - b
  defp call(:*, [a, b]), do: a * b
  defp call(:/, [a, b]), do: a / b
  defp call(:div, [a, b]), do: div(a, b)
  defp call(:rem, [a, b]), do: rem(a, b)
  defp call(:band, [a, b]), do: Bitwise.band(a, b)
  defp call(:bor, [a, b]), do: Bitwise.bor(a, b)
  defp call(:bxor, [a, b]), do: Bitwise.bxor(a, b)
  defp call(:bnot, [a]), do: Bitwise.bnot(a)
  defp call(:bsl, [a, b]), do: Bitwise.bsl(a, b)
  defp call(:bsr, [a, b]), do: Bitwise.bsr(a, b)
  defp call(:>, [a, b]), do: a > b
  defp call(:>=, [a, b]), do: a >= b
  defp call(:<, [a, b]), do: a < b
  defp call(:"=<", [a, b]), do: a <= b
  defp call(:"=:=", [a, b]), do: a === b
  defp call(:==, [a, b]), do: a == b
  defp call(:"=/=", [a, b]), do: a !== b
  defp call(:"/=", [a, b]), do: a != b

  defp booleans!(args) do
    if Enum.all?(args, &is_boolean/1), do: args, else: :erlang.error(:badarg)
  end
end
