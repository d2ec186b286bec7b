# Task: the `%Task{}` struct, async/await, yield, shutdown, fire-and-forget
# tasks, `use Task` and `async_stream`, with Elixir 1.14's messages and
# exit reasons; `Task.Supervised` beside it runs the task processes and the
# stream's monitor process (Task.Supervisor starts its children through it
# too). A task replies to its owner's pid with `{ref, result}`, `ref` being
# the owner's monitor of the task (Elixir replies to a monitor alias, so a
# reply arriving after the owner gave up is dropped there and kept in the
# mailbox here). Not here: supervising tasks (Task.Supervisor), crash
# reports (a crashing task is reported as any crashing process is).
defmodule Task do
  @moduledoc """
  Running a computation in its own process: `async/1` starts one whose
  result `await/2` collects later, so several can run at once;
  `start/1` runs one for its side effects only; `async_stream/3` maps
  over an enumerable concurrently.

      iex> [1, 2, 3] |> Enum.map(fn n -> Task.async(fn -> n * n end) end) |> Task.await_many()
      [1, 4, 9]
  """

  @enforce_keys [:mfa, :owner, :pid, :ref]
  defstruct [:mfa, :owner, :pid, :ref]

  @doc """
  The child specification for a supervised task running `arg` (a function
  or `{module, function, args}`); tasks are `:temporary`: never restarted.

      iex> Task.child_spec(fn -> :ok end).restart
      :temporary
  """
  def child_spec(arg) do
    %{id: Task, start: {Task, :start_link, [arg]}, restart: :temporary}
  end

  # `use Task`: a `child_spec/1` for a module whose `start_link/1` starts
  # the task; the options override the spec's keys as
  # `Supervisor.child_spec/2` does.
  @doc """
  `use Task` in a module defines `child_spec/1` for it, starting the
  module's `start_link/1` as a `:temporary` child; `use` options go into
  the spec.

      iex> defmodule DocJob do
      ...>   use Task
      ...>   def start_link(arg), do: Task.start_link(fn -> arg end)
      ...> end
      iex> DocJob.child_spec(:a).start
      {DocJob, :start_link, [:a]}
  """
  defmacro __using__(opts) do
    quote bind_quoted: [opts: opts] do
      def child_spec(arg) do
        Task.Supervised.child_spec(
          %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, restart: :temporary},
          unquote(Macro.escape(opts))
        )
      end

      defoverridable child_spec: 1
    end
  end

  @doc """
  Starts a process running `fun`, linked to the caller, for its side
  effects: `{:ok, pid}`. Nothing is sent back.

      iex> {:ok, pid} = Task.start_link(fn -> :ok end)
      iex> is_pid(pid)
      true
  """
  def start_link(fun) when is_function(fun, 0), do: start_link(:erlang, :apply, [fun, []])

  @doc """
  Like `start_link/1`, running `apply(module, function, args)`.

      iex> {:ok, pid} = Task.start_link(Kernel, :+, [1, 2])
      iex> is_pid(pid)
      true
  """
  def start_link(module, function, args)
      when is_atom(module) and is_atom(function) and is_list(args) do
    Task.Supervised.start_link(self(), callers(self()), {module, function, args})
  end

  @doc """
  Like `start_link/1`, without the link.

      iex> {:ok, pid} = Task.start(fn -> :ok end)
      iex> is_pid(pid)
      true
  """
  def start(fun) when is_function(fun, 0), do: start(:erlang, :apply, [fun, []])

  @doc """
  Like `start_link/3`, without the link.

      iex> {:ok, pid} = Task.start(Kernel, :+, [1, 2])
      iex> is_pid(pid)
      true
  """
  def start(module, function, args)
      when is_atom(module) and is_atom(function) and is_list(args) do
    Task.Supervised.start(self(), callers(self()), {module, function, args})
  end

  @doc """
  Runs `fun` in a new process linked to and monitored by the caller, and
  gives a `%Task{}` whose result `await/2` or `yield/2` collects.

      iex> Task.async(fn -> 1 + 1 end) |> Task.await()
      2
  """
  def async(fun) when is_function(fun, 0), do: async(:erlang, :apply, [fun, []])

  @doc """
  Like `async/1`, running `apply(module, function, args)`.

      iex> Task.async(Enum, :sum, [[1, 2, 3]]) |> Task.await()
      6
  """
  def async(module, function, args)
      when is_atom(module) and is_atom(function) and is_list(args) do
    owner = self()
    {:ok, pid} = Task.Supervised.start_link(owner, :nomonitor)
    ref = Process.monitor(pid)
    send(pid, {owner, ref, owner, callers(owner), {module, function, args}})
    %Task{pid: pid, ref: ref, owner: owner, mfa: {module, function, length(args)}}
  end

  @doc """
  A task that is already done with `result`, without starting a process;
  useful where code expects a task.

      iex> Task.completed(:done) |> Task.await()
      :done
  """
  def completed(result) do
    ref = make_ref()
    owner = self()
    send(owner, {ref, result})
    %Task{pid: nil, ref: ref, owner: owner, mfa: {Task, :completed, 1}}
  end

  @doc """
  Like `async_stream/3`, calling `apply(module, function, [element | args])`.

      iex> Task.async_stream([1, 2], Kernel, :*, [10]) |> Enum.to_list()
      [ok: 10, ok: 20]
  """
  def async_stream(enumerable, module, function, args, options \\ [])
      when is_atom(module) and is_atom(function) and is_list(args) do
    build_stream(enumerable, {module, function, args}, options)
  end

  @doc """
  A stream that runs `fun` on each element in its own task, at most
  `max_concurrency:` at a time (the number of schedulers by default), and
  gives `{:ok, result}` for each, in order unless `ordered: false`.

      iex> Task.async_stream([1, 2, 3], &(&1 * 2)) |> Enum.to_list()
      [ok: 2, ok: 4, ok: 6]
  """
  def async_stream(enumerable, fun, options \\ [])
      when is_function(fun, 1) and is_list(options) do
    build_stream(enumerable, fun, options)
  end

  defp build_stream(enumerable, fun, options) do
    fn acc, acc_fun ->
      owner = self()

      Task.Supervised.stream(enumerable, acc, acc_fun, callers(owner), fun, options, fn ->
        {:ok, pid} = Task.Supervised.start_link(owner, :nomonitor)
        {:ok, :link, pid}
      end)
    end
  end

  # `$callers` of a task started from `owner`: the owner first. Task.Supervisor
  # starts its tasks with the same list.
  @doc false
  def __callers__(owner), do: callers(owner)

  defp callers(owner) do
    case Process.get(:"$callers") do
      [_ | _] = list -> [owner | list]
      _ -> [owner]
    end
  end

  @doc """
  Waits for the task's result, at most `timeout` milliseconds; exits the
  caller if the task crashes or the time runs out.

      iex> Task.async(fn -> :x end) |> Task.await(1000)
      :x
  """
  def await(%Task{ref: ref, owner: owner} = task, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    check_owner!(task, owner)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _proc, reason} ->
        exit({reason, {Task, :await, [task, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await, [task, timeout]}})
    end
  end

  @doc """
  Stops caring about a task: it goes on running, unlinked, and its reply
  is dropped. Gives `{:ok, reply}` if it had already finished, `nil` if not.

      iex> Task.async(fn -> :x end) |> Task.ignore() |> then(&(&1 in [nil, {:ok, :x}]))
      true
  """
  def ignore(%Task{ref: ref, pid: pid, owner: owner} = task) do
    check_owner!(task, owner)

    receive do
      {^ref, reply} ->
        Process.unlink(pid)
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      0 ->
        Process.unlink(pid)
        Process.demonitor(ref, [:flush])
        nil
    end
  end

  @doc """
  Waits for every task in the list and gives their results in the same
  order; exits like `await/2`.

      iex> Task.await_many([Task.async(fn -> 1 end), Task.async(fn -> 2 end)])
      [1, 2]
  """
  def await_many(tasks, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    awaiting =
      for %Task{ref: ref, owner: owner} = task <- tasks, into: %{} do
        check_owner!(task, owner)
        {ref, true}
      end

    timeout_ref = make_ref()
    timer = if timeout != :infinity, do: Process.send_after(self(), timeout_ref, timeout)

    try do
      collect_many(tasks, timeout, awaiting, %{}, timeout_ref)
    after
      timer && Process.cancel_timer(timer)

      receive do
        ^timeout_ref -> :ok
      after
        0 -> :ok
      end
    end
  end

  defp collect_many(tasks, _timeout, awaiting, replies, _timeout_ref)
       when map_size(awaiting) == 0 do
    for %{ref: ref} <- tasks, do: Map.fetch!(replies, ref)
  end

  defp collect_many(tasks, timeout, awaiting, replies, timeout_ref) do
    receive do
      ^timeout_ref ->
        demonitor_all(awaiting)
        exit({:timeout, {Task, :await_many, [tasks, timeout]}})

      {:DOWN, ref, _, _proc, reason} when is_map_key(awaiting, ref) ->
        demonitor_all(awaiting)
        exit({reason, {Task, :await_many, [tasks, timeout]}})

      {ref, reply} when is_map_key(awaiting, ref) ->
        Process.demonitor(ref, [:flush])
        awaiting = Map.delete(awaiting, ref)
        collect_many(tasks, timeout, awaiting, Map.put(replies, ref, reply), timeout_ref)
    end
  end

  defp demonitor_all(awaiting) do
    Enum.each(awaiting, fn {ref, _} -> Process.demonitor(ref, [:flush]) end)
  end

  @doc false
  def find(tasks, {ref, reply}) when is_reference(ref) do
    Enum.find_value(tasks, fn
      %Task{ref: ^ref} = task ->
        Process.demonitor(ref, [:flush])
        {reply, task}

      %Task{} ->
        nil
    end)
  end

  def find(tasks, {:DOWN, ref, _, _proc, reason} = msg) when is_reference(ref) do
    if Enum.find(tasks, fn %Task{ref: task_ref} -> task_ref == ref end) do
      exit({reason, {Task, :find, [tasks, msg]}})
    end
  end

  def find(_tasks, _msg), do: nil

  @doc """
  Waits at most `timeout` for the result without exiting: `{:ok, result}`,
  `{:exit, reason}` if the task died, or `nil` if it is still running.

      iex> Task.async(fn -> :y end) |> Task.yield()
      {:ok, :y}
  """
  def yield(%Task{ref: ref, owner: owner} = task, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    check_owner!(task, owner)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  @doc """
  Like `yield/2` for a list of tasks, waiting `timeout` in all: a list of
  `{task, result_or_nil}`.

      iex> Task.yield_many([Task.async(fn -> 3 end)]) |> Enum.map(fn {_, res} -> res end)
      [ok: 3]
  """
  def yield_many(tasks, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    timeout_ref = make_ref()
    timer = if timeout != :infinity, do: Process.send_after(self(), timeout_ref, timeout)

    try do
      yield_each(tasks, timeout_ref, :infinity)
    after
      timer && Process.cancel_timer(timer)

      receive do
        ^timeout_ref -> :ok
      after
        0 -> :ok
      end
    end
  end

  # Waits for each task in turn until the timer fires; after that only
  # collects what has already arrived.
  defp yield_each([%Task{ref: ref, owner: owner} = task | rest], timeout_ref, wait) do
    check_owner!(task, owner)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        [{task, {:ok, reply}} | yield_each(rest, timeout_ref, wait)]

      {:DOWN, ^ref, _, _, reason} ->
        [{task, {:exit, reason}} | yield_each(rest, timeout_ref, wait)]

      ^timeout_ref ->
        [{task, nil} | yield_each(rest, timeout_ref, 0)]
    after
      wait -> [{task, nil} | yield_each(rest, timeout_ref, 0)]
    end
  end

  defp yield_each([], _timeout_ref, _wait), do: []

  @doc """
  Stops the task, waiting up to `shutdown` milliseconds (or killing it at
  once with `:brutal_kill`): `{:ok, reply}` if it had finished, `{:exit,
  reason}` or `nil` otherwise.

      iex> Task.async(fn -> Process.sleep(:infinity) end) |> Task.shutdown()
      nil
  """
  def shutdown(task, shutdown \\ 5000)

  def shutdown(%Task{pid: nil} = task, _) do
    raise ArgumentError, "task #{inspect(task)} does not have an associated task process"
  end

  def shutdown(%Task{owner: owner} = task, _) when owner != self() do
    raise ArgumentError, invalid_owner_error(task)
  end

  def shutdown(%Task{pid: pid} = task, :brutal_kill) do
    mon = Process.monitor(pid)
    exit_task(pid, :kill)

    case shutdown_receive(task, mon, :brutal_kill, :infinity) do
      {:down, _, reason} -> {:exit, reason}
      result -> result
    end
  end

  def shutdown(%Task{pid: pid} = task, timeout)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    mon = Process.monitor(pid)
    exit_task(pid, :shutdown)

    case shutdown_receive(task, mon, :shutdown, timeout) do
      {:down, _, reason} -> {:exit, reason}
      result -> result
    end
  end

  # Unlinks and exits the task; should the caller die in between, a
  # helper process still sends the exit, so the task never outlives it.
  defp exit_task(pid, reason) do
    caller = self()
    ref = make_ref()

    enforcer =
      spawn(fn ->
        mon = Process.monitor(caller)

        receive do
          {:done, ^ref} -> :ok
          {:DOWN, ^mon, _, _, _} -> Process.exit(pid, reason)
        end
      end)

    Process.unlink(pid)
    Process.exit(pid, reason)
    send(enforcer, {:done, ref})
    :ok
  end

  defp shutdown_receive(%{ref: ref} = task, mon, type, timeout) do
    receive do
      {:DOWN, ^mon, _, _, :shutdown} when type in [:shutdown, :timeout_kill] ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref)

      {:DOWN, ^mon, _, _, :killed} when type == :brutal_kill ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref)

      {:DOWN, ^mon, _, proc, :noproc} ->
        reason = flush_noproc(ref, proc, type)
        flush_reply(ref) || reason

      {:DOWN, ^mon, _, proc, reason} ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref) || {:down, proc, reason}
    after
      timeout ->
        Process.exit(task.pid, :kill)
        shutdown_receive(task, mon, :timeout_kill, :infinity)
    end
  end

  defp flush_reply(ref) do
    receive do
      {^ref, reply} -> {:ok, reply}
    after
      0 -> nil
    end
  end

  defp flush_noproc(ref, proc, type) do
    receive do
      {:DOWN, ^ref, _, _, :shutdown} when type in [:shutdown, :timeout_kill] -> nil
      {:DOWN, ^ref, _, _, :killed} when type == :brutal_kill -> nil
      {:DOWN, ^ref, _, _, reason} -> {:down, proc, reason}
    after
      0 ->
        Process.demonitor(ref, [:flush])
        {:down, proc, :noproc}
    end
  end

  defp check_owner!(task, owner) do
    if owner != self() do
      raise ArgumentError, invalid_owner_error(task)
    end
  end

  defp invalid_owner_error(task) do
    "task #{inspect(task)} must be queried from the owner but was queried from #{inspect(self())}"
  end
end

defmodule Task.Supervised do
  @moduledoc false
  # The processes behind tasks: a task that replies (`start_link/2`,
  # waiting for its owner's `{owner, ref, reply_to, callers, mfa}`), a task
  # that does not (`start/3`, `start_link/3`), and `stream/7`, the engine
  # of `async_stream`: the caller hands out inputs and collects results
  # while a monitor process of its own starts the workers, times them and
  # reports their ends.

  # `Supervisor.child_spec/2`'s overrides, for `use Task`.
  def child_spec(spec, overrides) do
    Enum.reduce(overrides, spec, fn
      {key, value}, acc when key in [:id, :start, :restart, :shutdown, :type, :modules, :significant] ->
        Map.put(acc, key, value)

      {key, _value}, _acc ->
        raise ArgumentError, "unknown key #{inspect(key)} in child specification override"
    end)
  end

  def start(owner, callers, mfa) do
    ancestors = ancestors()
    {:ok, spawn(fn -> noreply(owner, ancestors, callers, mfa) end)}
  end

  def start_link(owner, callers, mfa) do
    ancestors = ancestors()
    {:ok, spawn_link(fn -> noreply(owner, ancestors, callers, mfa) end)}
  end

  def start_link(owner, monitor) do
    ancestors = ancestors()
    {:ok, spawn_link(fn -> reply(owner, ancestors, monitor) end)}
  end

  # As proc_lib keeps them: the starter's registered name if it has one.
  defp ancestors() do
    me =
      case Process.info(self(), :registered_name) do
        {:registered_name, name} when is_atom(name) and name != [] -> name
        _ -> self()
      end

    case Process.get(:"$ancestors") do
      list when is_list(list) -> [me | list]
      _ -> [me]
    end
  end

  def reply(owner, ancestors, monitor) do
    Process.put(:"$ancestors", ancestors)

    case monitor do
      :monitor ->
        mref = Process.monitor(owner)
        wait_for_work(owner, mref, 5000)

      :nomonitor ->
        wait_for_work(owner, nil, :infinity)
    end
  end

  defp wait_for_work(owner, mref, timeout) do
    receive do
      {^owner, ref, reply_to, callers, mfa} ->
        initial_call(mfa)
        Process.put(:"$callers", callers)
        _ = mref && Process.demonitor(mref, [:flush])
        send(reply_to, {ref, invoke(owner, mfa)})

      {:DOWN, ^mref, _, _, reason} ->
        exit({:shutdown, reason})
    after
      timeout -> exit(:timeout)
    end
  end

  def noreply(owner, ancestors, callers, mfa) do
    Process.put(:"$ancestors", ancestors)
    initial_call(mfa)
    Process.put(:"$callers", callers)
    invoke(owner, mfa)
  end

  defp initial_call({:erlang, :apply, [fun, []]}) when is_function(fun, 0) do
    {:module, module} = Function.info(fun, :module)
    {:name, name} = Function.info(fun, :name)
    Process.put(:"$initial_call", {module, name, 0})
  end

  defp initial_call({mod, fun, args}) do
    Process.put(:"$initial_call", {mod, fun, length(args)})
  end

  # Runs the task's function; a crash other than a clean exit is reported
  # as Elixir's "Task ... terminating" and the process exits with the
  # reason Elixir's tasks exit with (`{reason, stack}` for an error,
  # `{{:nocatch, value}, stack}` for a throw, the reason of an exit), so
  # no second "raised an exception" report follows.
  defp invoke(owner, {module, fun, args} = mfa) do
    try do
      apply(module, fun, args)
    catch
      :exit, value
      when value == :normal or value == :shutdown or
             (is_tuple(value) and tuple_size(value) == 2 and elem(value, 0) == :shutdown) ->
        :erlang.raise(:exit, value, __STACKTRACE__)

      kind, value ->
        stack = __STACKTRACE__
        report(owner, mfa, {log_value(kind, value), stack})
        :erlang.raise(:exit, exit_reason(kind, value, stack), stack)
    end
  end

  defp log_value(:throw, value), do: {:nocatch, value}
  defp log_value(_, value), do: value

  defp exit_reason(:error, reason, stack), do: {reason, stack}
  defp exit_reason(:exit, reason, _stack), do: reason
  defp exit_reason(:throw, reason, stack), do: {{:nocatch, reason}, stack}

  defp report(owner, mfa, reason) do
    {fun, args} =
      case mfa do
        {:erlang, :apply, [fun, []]} when is_function(fun, 0) -> {fun, []}
        {mod, fun, args} -> {Function.capture(mod, fun, length(args)), args}
      end

    from =
      case Process.info(owner, :registered_name) do
        {:registered_name, name} when is_atom(name) and name != [] -> name
        _ -> owner
      end

    GenServer.__report__(
      "Task #{inspect(self())} started from #{inspect(from)} terminating\n" <>
        GenServer.__format_stop__(reason) <>
        "\nFunction: #{inspect(fun)}\n    Args: #{inspect(args)}"
    )
  end

  # async_stream

  def stream(enumerable, acc, reducer, callers, mfa, options, spawn) do
    next = &Enumerable.reduce(enumerable, &1, fn x, acc -> {:suspend, [x | acc]} end)
    max_concurrency = Keyword.get(options, :max_concurrency, System.schedulers_online())

    unless is_integer(max_concurrency) and max_concurrency > 0 do
      raise ArgumentError, ":max_concurrency must be an integer greater than zero"
    end

    timeout = Keyword.get(options, :timeout, 5000)
    parent = self()
    {:trap_exit, trap_exit?} = Process.info(self(), :trap_exit)

    {monitor_pid, monitor_ref} =
      Process.spawn(fn -> monitor_start(parent, spawn, trap_exit?, timeout) end, [:link, :monitor])

    send(monitor_pid, {parent, monitor_ref})

    config = %{
      reducer: reducer,
      monitor_pid: monitor_pid,
      monitor_ref: monitor_ref,
      ordered: Keyword.get(options, :ordered, true),
      timeout: timeout,
      on_timeout: Keyword.get(options, :on_timeout, :exit),
      zip_input_on_exit: Keyword.get(options, :zip_input_on_exit, false),
      callers: callers,
      mfa: mfa
    }

    step(acc, max_concurrency, 0, 0, %{}, next, config)
  end

  # `free` is how many more workers may start, `spawned` how many did,
  # `delivered` how many results went to the reducer; `waiting` holds each
  # undelivered position's `{pid, :running, input}` or `{:done, result}`;
  # `next` pulls the next input, `:done` once the input is exhausted.
  defp step({:halt, acc}, _free, _spawned, _delivered, _waiting, next, config) do
    close(config)
    is_function(next) && next.({:halt, []})
    {:halted, acc}
  end

  defp step({:suspend, acc}, free, spawned, delivered, waiting, next, config) do
    {:suspended, acc, &step(&1, free, spawned, delivered, waiting, next, config)}
  end

  defp step({:cont, acc}, _free, spawned, delivered, _waiting, :done, config)
       when spawned == delivered do
    close(config)
    {:done, acc}
  end

  defp step({:cont, acc}, free, spawned, delivered, waiting, next, config)
       when free == 0 or next == :done do
    %{monitor_pid: monitor_pid, monitor_ref: monitor_ref} = config

    receive do
      {{^monitor_ref, position}, reply} ->
        %{^position => {pid, :running, _input}} = waiting
        waiting = Map.put(waiting, position, {pid, {:ok, reply}})
        step({:cont, acc}, free, spawned, delivered, waiting, next, config)

      {kind, {^monitor_ref, position}, reason} when kind in [:down, :timed_out] ->
        result = ended(kind, Map.fetch!(waiting, position), reason, config)

        if config.ordered do
          waiting = Map.put(waiting, position, {:done, result})
          deliver({:cont, acc}, free + 1, spawned, delivered, waiting, next, config)
        else
          pair = reduce_now(result, acc, next, config)
          waiting = Map.delete(waiting, position)
          step(pair, free + 1, spawned, delivered + 1, waiting, next, config)
        end

      {:DOWN, ^monitor_ref, _, _, reason} ->
        cleanup_inbox(monitor_pid, monitor_ref)
        exit({reason, {Task.Supervised, :stream, [config.timeout]}})
    end
  end

  defp step({:cont, acc}, free, spawned, delivered, waiting, next, config) do
    pulled =
      try do
        next.({:cont, []})
      catch
        kind, reason ->
          close(config)
          reraise_kind(kind, reason)
      end

    case pulled do
      {:suspended, [value], next} ->
        waiting = spawn_worker(value, spawned, waiting, config)
        step({:cont, acc}, free - 1, spawned + 1, delivered, waiting, next, config)

      {_, [value]} ->
        waiting = spawn_worker(value, spawned, waiting, config)
        step({:cont, acc}, free - 1, spawned + 1, delivered, waiting, :done, config)

      {_, []} ->
        step({:cont, acc}, free, spawned, delivered, waiting, :done, config)
    end
  end

  # What a finished position yields: its reply, or how its worker ended.
  defp ended(_kind, {_, {:ok, _} = ok}, _reason, _config), do: ok

  defp ended(:down, {_, :running, input}, reason, config) do
    if config.zip_input_on_exit, do: {:exit, {input, reason}}, else: {:exit, reason}
  end

  defp ended(:timed_out, {_, :running, input}, _reason, config) do
    if config.on_timeout == :exit do
      cleanup_inbox(config.monitor_pid, config.monitor_ref)
      exit({:timeout, {Task.Supervised, :stream, [config.timeout]}})
    else
      if config.zip_input_on_exit, do: {:exit, {input, :timeout}}, else: {:exit, :timeout}
    end
  end

  defp reduce_now(result, acc, next, config) do
    try do
      config.reducer.(result, acc)
    catch
      kind, reason ->
        is_function(next) && next.({:halt, []})
        close(config)
        reraise_kind(kind, reason)
    end
  end

  defp deliver({:suspend, acc}, free, spawned, delivered, waiting, next, config) do
    {:suspended, acc, &deliver(&1, free, spawned, delivered, waiting, next, config)}
  end

  defp deliver({:halt, acc}, free, spawned, delivered, waiting, next, config) do
    step({:halt, acc}, free, spawned, delivered, waiting, next, config)
  end

  defp deliver({:cont, acc}, free, spawned, delivered, waiting, next, config) do
    case waiting do
      %{^delivered => {:done, result}} ->
        pair = reduce_now(result, acc, next, config)
        waiting = Map.delete(waiting, delivered)
        deliver(pair, free, spawned, delivered + 1, waiting, next, config)

      %{} ->
        step({:cont, acc}, free, spawned, delivered, waiting, next, config)
    end
  end

  # Without `:erlang.raise/3` the original stacktrace is not kept.
  defp reraise_kind(:error, reason), do: :erlang.error(reason)
  defp reraise_kind(:exit, reason), do: exit(reason)
  defp reraise_kind(:throw, reason), do: throw(reason)

  defp close(%{monitor_pid: monitor_pid, monitor_ref: monitor_ref, timeout: timeout}) do
    send(monitor_pid, {:stop, monitor_ref})

    receive do
      {:DOWN, ^monitor_ref, _, _, :normal} ->
        cleanup_inbox(monitor_pid, monitor_ref)
        :ok

      {:DOWN, ^monitor_ref, _, _, reason} ->
        cleanup_inbox(monitor_pid, monitor_ref)
        exit({reason, {Task.Supervised, :stream, [timeout]}})
    end
  end

  defp cleanup_inbox(monitor_pid, monitor_ref) do
    receive do
      {:EXIT, ^monitor_pid, _} -> cleanup_inbox(monitor_ref)
    after
      0 -> cleanup_inbox(monitor_ref)
    end
  end

  defp cleanup_inbox(monitor_ref) do
    receive do
      {{^monitor_ref, _}, _} -> cleanup_inbox(monitor_ref)
      {kind, {^monitor_ref, _}, _} when kind in [:down, :timed_out] -> cleanup_inbox(monitor_ref)
    after
      0 -> :ok
    end
  end

  defp spawn_worker(value, position, waiting, config) do
    %{monitor_pid: monitor_pid, monitor_ref: monitor_ref} = config
    send(monitor_pid, {:spawn, position})

    receive do
      {:spawned, {^monitor_ref, ^position}, pid} ->
        mfa =
          case config.mfa do
            {mod, fun, args} -> {mod, fun, [value | args]}
            fun -> {:erlang, :apply, [fun, [value]]}
          end

        send(pid, {self(), {monitor_ref, position}, self(), config.callers, mfa})
        input = if config.zip_input_on_exit, do: value
        Map.put(waiting, position, {pid, :running, input})

      {:max_children, ^monitor_ref} ->
        close(config)

        raise "reached the maximum number of tasks for this task supervisor. The maximum number " <>
                "of tasks that are allowed to run at the same time under this supervisor can be " <>
                "configured with the :max_children option passed to Task.Supervisor.start_link/1. When " <>
                "using async_stream or async_stream_nolink, make sure to configure :max_concurrency to " <>
                "be lower or equal to :max_children and pay attention to whether other tasks are also " <>
                "spawned under the same task supervisor."

      {:DOWN, ^monitor_ref, _, ^monitor_pid, reason} ->
        cleanup_inbox(monitor_pid, monitor_ref)
        exit({reason, {Task.Supervised, :stream, [config.timeout]}})
    end
  end

  # The monitor process: traps exits as its parent does, starts workers on
  # request, times each, and tells the parent how each ended.
  defp monitor_start(parent, spawn, trap_exit?, timeout) do
    Process.flag(:trap_exit, trap_exit?)
    parent_ref = Process.monitor(parent)

    receive do
      {^parent, monitor_ref} ->
        config = %{
          parent: parent,
          parent_ref: parent_ref,
          spawn: spawn,
          monitor_ref: monitor_ref,
          timeout: timeout
        }

        monitor_loop(%{}, config)

      {:DOWN, ^parent_ref, _, _, reason} ->
        exit(reason)
    end
  end

  defp monitor_loop(running, config) do
    %{parent: parent, monitor_ref: monitor_ref} = config

    receive do
      {:spawn, position} ->
        case config.spawn.() do
          {:ok, type, pid} ->
            ref = Process.monitor(pid)

            timer =
              case config.timeout do
                :infinity -> nil
                t -> Process.send_after(self(), {:timeout, {monitor_ref, ref}}, t)
              end

            send(parent, {:spawned, {monitor_ref, position}, pid})
            task = %{position: position, type: type, pid: pid, timer: timer, timed_out: false}
            monitor_loop(Map.put(running, ref, task), config)

          {:error, :max_children} ->
            send(parent, {:max_children, monitor_ref})
            wait_for_stop(running, config)
        end

      {:DOWN, ref, _, _, reason} when is_map_key(running, ref) ->
        {task, running} = Map.pop(running, ref)
        if task.timer != nil, do: Process.cancel_timer(task.timer)
        kind = if task.timed_out, do: :timed_out, else: :down
        send(parent, {kind, {monitor_ref, task.position}, reason})
        monitor_loop(running, config)

      {:timeout, {^monitor_ref, ref}} ->
        running =
          case running do
            %{^ref => %{pid: pid, timed_out: false} = task} ->
              unlink_and_kill(pid)
              Map.put(running, ref, %{task | timed_out: true})

            _ ->
              running
          end

        monitor_loop(running, config)

      {:EXIT, _, _} ->
        monitor_loop(running, config)

      other ->
        stop_or_parent_down(other, running, config)
        monitor_loop(running, config)
    end
  end

  defp wait_for_stop(running, config) do
    receive do
      message ->
        stop_or_parent_down(message, running, config)
        wait_for_stop(running, config)
    end
  end

  defp stop_or_parent_down({:stop, ref}, running, %{monitor_ref: ref}) do
    Process.flag(:trap_exit, true)
    for {_ref, %{pid: pid}} <- running, do: Process.exit(pid, :kill)

    for {ref, _task} <- running do
      receive do
        {:DOWN, ^ref, _, _, _} -> :ok
      end
    end

    exit(:normal)
  end

  defp stop_or_parent_down({:DOWN, ref, _, _, reason}, running, %{parent_ref: ref}) do
    for {_ref, %{type: :link, pid: pid}} <- running, do: Process.exit(pid, reason)
    exit(reason)
  end

  defp stop_or_parent_down(_other, _running, _config), do: :ok

  defp unlink_and_kill(pid) do
    caller = self()
    ref = make_ref()

    enforcer =
      spawn(fn ->
        mon = Process.monitor(caller)

        receive do
          {:done, ^ref} -> :ok
          {:DOWN, ^mon, _, _, _} -> Process.exit(pid, :kill)
        end
      end)

    Process.unlink(pid)
    Process.exit(pid, :kill)
    send(enforcer, {:done, ref})
  end
end
