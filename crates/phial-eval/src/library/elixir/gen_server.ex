# GenServer: Elixir 1.14's client API (start, call, cast, reply, stop, ...)
# and `use GenServer`, with the server loop OTP's gen_server runs
# (callbacks, timeouts, continues, terminate/2, system messages for :sys)
# written here in phial, since phial has no :gen_server of its own.
#
# The protocol is OTP's: a call is `{:"$gen_call", {pid, tag}, request}`
# answered by `{tag, reply}` (tag `[:alias | monitor_ref]`), a cast is
# `{:"$gen_cast", request}`, a system message `{:system, from, request}`.
# The error reports (`__report__/1`, the one place that prints them) go
# to Logger. Not here: Supervisor, Agent, :sys (their own units).
defmodule GenServer do
  @moduledoc """
  The generic server: a process that keeps a state and answers messages
  through callbacks of a module you write (`init/1`, `handle_call/3`,
  `handle_cast/2`, `handle_info/2`, `terminate/2`). This module starts
  such servers and talks to them: `call/3` waits for a reply, `cast/2`
  does not.

      iex> defmodule DocCount do
      ...>   use GenServer
      ...>   def init(n), do: {:ok, n}
      ...>   def handle_call(:next, _from, n), do: {:reply, n, n + 1}
      ...> end
      iex> {:ok, pid} = GenServer.start(DocCount, 7)
      iex> GenServer.call(pid, :next)
      7
  """

  @doc """
  `use GenServer` makes a module a server: it declares the behaviour,
  gives default callbacks (`init/1` is the one to write; `handle_call/3`,
  `handle_cast/2` and `handle_info/2` as needed) and a `child_spec/1`
  that starts it through `start_link/1`.

      iex> defmodule DocStack do use GenServer; def init(s), do: {:ok, s}; def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}; def handle_call(:peek, from, [h | _] = s), do: (GenServer.reply(from, h); {:noreply, s}); def handle_cast({:push, x}, s), do: {:noreply, [x | s]} end
      iex> DocStack.child_spec([:a]).start
      {DocStack, :start_link, [[:a]]}
  """
  defmacro __using__(opts) do
    quote location: :keep do
      @behaviour GenServer

      def child_spec(init_arg) do
        default = %{
          id: __MODULE__,
          start: {__MODULE__, :start_link, [init_arg]}
        }

        Supervisor.child_spec(default, unquote(Macro.escape(opts)))
      end

      defoverridable child_spec: 1

      @before_compile GenServer

      def handle_call(msg, _from, state) do
        proc = GenServer.__proc_name__()

        case :erlang.phash2(1, 1) do
          0 ->
            raise "attempted to call GenServer #{inspect(proc)} but no handle_call/3 clause was provided"

          1 ->
            {:stop, {:bad_call, msg}, state}
        end
      end

      def handle_info(msg, state) do
        GenServer.__no_handle_info__(__MODULE__, msg)
        {:noreply, state}
      end

      def handle_cast(msg, state) do
        proc = GenServer.__proc_name__()

        case :erlang.phash2(1, 1) do
          0 ->
            raise "attempted to cast GenServer #{inspect(proc)} but no handle_cast/2 clause was provided"

          1 ->
            {:stop, {:bad_cast, msg}, state}
        end
      end

      def terminate(_reason, _state) do
        :ok
      end

      def code_change(_old, state, _extra) do
        {:ok, state}
      end

      defoverridable code_change: 3, terminate: 2, handle_info: 2, handle_cast: 2, handle_call: 3
    end
  end

  @doc false
  defmacro __before_compile__(env) do
    unless {:init, 1} in Module.definitions_in(env.module, :def) do
      message =
        "function init/1 required by behaviour GenServer is not implemented " <>
          "(in module #{inspect(env.module)}).\n\n" <>
          "We will inject a default implementation for now:\n\n" <>
          "    def init(init_arg) do\n" <>
          "      {:ok, init_arg}\n" <>
          "    end\n\n" <>
          "You can copy the implementation above or define your own that converts " <>
          "the arguments given to GenServer.start_link/3 to the server state.\n"

      IO.warn(message, env)

      quote do
        def init(init_arg) do
          {:ok, init_arg}
        end

        defoverridable init: 1
      end
    end
  end

  # ---------------------------------------------------------------- client

  @doc """
  Starts a server process running `module`'s callbacks, linked to the
  caller; `module.init(init_arg)` runs first, and its `{:ok, state}`
  makes this give `{:ok, pid}`. `name:` registers the server.

      iex> defmodule DocStack do use GenServer; def init(s), do: {:ok, s}; def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}; def handle_call(:peek, from, [h | _] = s), do: (GenServer.reply(from, h); {:noreply, s}); def handle_cast({:push, x}, s), do: {:noreply, [x | s]} end
      iex> {:ok, pid} = GenServer.start_link(DocStack, [:a])
      iex> GenServer.call(pid, :pop)
      :a
  """
  def start_link(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    do_start(:link, module, init_arg, options)
  end

  @doc """
  Like `start_link/3`, without the link.

      iex> defmodule DocStack do use GenServer; def init(s), do: {:ok, s}; def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}; def handle_call(:peek, from, [h | _] = s), do: (GenServer.reply(from, h); {:noreply, s}); def handle_cast({:push, x}, s), do: {:noreply, [x | s]} end
      iex> {:ok, _} = GenServer.start(DocStack, [:b], name: :doc_stack_start)
      iex> GenServer.call(:doc_stack_start, :pop)
      :b
  """
  def start(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    do_start(:nolink, module, init_arg, options)
  end

  defp do_start(link, module, init_arg, options) do
    case Keyword.pop(options, :name) do
      {nil, opts} ->
        __start__(link, nil, module, init_arg, opts)

      {atom, opts} when is_atom(atom) ->
        __start__(link, {:local, atom}, module, init_arg, opts)

      {{:global, _term} = tuple, opts} ->
        __start__(link, tuple, module, init_arg, opts)

      {{:via, via_module, _term} = tuple, opts} when is_atom(via_module) ->
        __start__(link, tuple, module, init_arg, opts)

      {other, _} ->
        raise ArgumentError, """
        expected :name option to be one of the following:

          * nil
          * atom
          * {:global, term}
          * {:via, module, term}

        Got: #{inspect(other)}
        """
    end
  end

  # What :gen.start does: spawn (linked or monitored), wait for the
  # child's acknowledgement `{:ack, pid, result}`, give up after the
  # `:timeout` option by killing the child. Used by Supervisor too, with
  # its own init module.
  @doc false
  def __start__(link, name, module, init_arg, opts) do
    starter = self()
    timeout = Keyword.get(opts, :timeout, :infinity)
    ancestors = [starter | ancestors()]
    init = fn -> GenServer.__init_it__(starter, link, name, module, init_arg, ancestors) end

    case link do
      :link ->
        pid = spawn_link(init)

        receive do
          {:ack, ^pid, result} ->
            result

          {:EXIT, ^pid, reason} ->
            {:error, reason}
        after
          timeout ->
            kill_flush(pid)
            {:error, :timeout}
        end

      _ ->
        {pid, ref} = spawn_monitor(init)

        receive do
          {:ack, ^pid, result} ->
            Process.demonitor(ref, [:flush])
            result

          {:DOWN, ^ref, :process, ^pid, reason} ->
            {:error, reason}
        after
          timeout ->
            Process.demonitor(ref, [:flush])
            kill_flush(pid)
            {:error, :timeout}
        end
    end
  end

  defp kill_flush(pid) do
    Process.unlink(pid)
    Process.exit(pid, :kill)

    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end
  end

  defp ancestors do
    case Process.get(:"$ancestors") do
      list when is_list(list) -> list
      _ -> []
    end
  end

  @doc """
  Sends `request` to the server and waits (at most `timeout`
  milliseconds) for the reply its `handle_call/3` gives; exits the caller
  if none comes.

      iex> defmodule DocStack do use GenServer; def init(s), do: {:ok, s}; def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}; def handle_call(:peek, from, [h | _] = s), do: (GenServer.reply(from, h); {:noreply, s}); def handle_cast({:push, x}, s), do: {:noreply, [x | s]} end
      iex> {:ok, pid} = GenServer.start(DocStack, [1, 2])
      iex> GenServer.call(pid, :pop, 1000)
      1
  """
  def call(server, request, timeout \\ 5000)

  # A pid, the common case, goes straight to do_call/5: a call is the
  # hottest path a GenServer has, so it builds no intermediate tuples.
  def call(pid, request, timeout)
      when is_pid(pid) and ((is_integer(timeout) and timeout >= 0) or timeout == :infinity) do
    # (phial's guards have no self/0: the comparison is in the body.)
    if pid == self() do
      exit({:calling_self, {__MODULE__, :call, [pid, request, timeout]}})
    end

    do_call(pid, :"$gen_call", request, timeout, pid)
  end

  def call(server, request, timeout)
      when (is_integer(timeout) and timeout >= 0) or timeout == :infinity do
    case whereis(server) do
      nil ->
        exit({:noproc, {__MODULE__, :call, [server, request, timeout]}})

      pid ->
        if pid == self() do
          exit({:calling_self, {__MODULE__, :call, [server, request, timeout]}})
        end

        do_call(pid, :"$gen_call", request, timeout, server)
    end
  end

  # :gen.do_call: monitor the server, send, wait for the tagged reply or
  # the monitor's DOWN, and exit as GenServer.call does (`server` is what
  # the caller named). A reply that arrives after the timeout must not
  # stay in the caller's mailbox (OTP drops it through a process alias):
  # the caller tells the server to drop it (`$gen_abandon`, which the
  # server's reply looks for) and takes one that was already on its way.
  defp do_call(pid, label, request, timeout, server) do
    ref = Process.monitor(pid)
    send(pid, {label, {self(), [:alias | ref]}, request})

    receive do
      {[:alias | ^ref], reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        # A lost node is `{:nodedown, node}`, as in OTP's `gen`.
        reason = if reason == :noconnection, do: {:nodedown, target_node(pid)}, else: reason
        exit({reason, {__MODULE__, :call, [server, request, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        send(pid, {:"$gen_abandon", [:alias | ref]})

        receive do
          {[:alias | ^ref], reply} -> reply
        after
          0 -> exit({:timeout, {__MODULE__, :call, [server, request, timeout]}})
        end
    end
  end

  defp target_node({_name, node}), do: node
  defp target_node(pid), do: node(pid)

  # The same call for callers that report failures in their own words
  # (:sys, multi_call): `{:ok, reply}` or `{:exit, reason}`.
  @doc false
  def __call__(pid, label, request, timeout) do
    try do
      {:ok, do_call(pid, label, request, timeout, pid)}
    catch
      :exit, {reason, {__MODULE__, :call, [^pid, ^request, ^timeout]}} -> {:exit, reason}
    end
  end

  @doc """
  Sends `request` to the server's `handle_cast/2` without waiting; `:ok`
  even when there is no such server.

      iex> defmodule DocStack do use GenServer; def init(s), do: {:ok, s}; def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}; def handle_call(:peek, from, [h | _] = s), do: (GenServer.reply(from, h); {:noreply, s}); def handle_cast({:push, x}, s), do: {:noreply, [x | s]} end
      iex> {:ok, pid} = GenServer.start(DocStack, [])
      iex> GenServer.cast(pid, {:push, :c})
      iex> GenServer.call(pid, :pop)
      :c
  """
  def cast({:global, name}, request) do
    try do
      :global.send(name, {:"$gen_cast", request})
      :ok
    catch
      _, _ -> :ok
    end
  end

  def cast({:via, mod, name}, request) do
    try do
      mod.send(name, {:"$gen_cast", request})
      :ok
    catch
      _, _ -> :ok
    end
  end

  def cast({name, node}, request) when is_atom(name) and is_atom(node),
    do: do_send({name, node}, {:"$gen_cast", request})

  def cast(dest, request) when is_atom(dest) or is_pid(dest),
    do: do_send(dest, {:"$gen_cast", request})

  defp do_send(dest, msg) do
    try do
      send(dest, msg)
      :ok
    catch
      _, _ -> :ok
    end
  end

  @doc """
  Casts `request` to the server registered as `name` on each of `nodes`
  (this node by default); gives `:abcast`.

      iex> defmodule DocStack do use GenServer; def init(s), do: {:ok, s}; def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}; def handle_call(:peek, from, [h | _] = s), do: (GenServer.reply(from, h); {:noreply, s}); def handle_cast({:push, x}, s), do: {:noreply, [x | s]} end
      iex> GenServer.start(DocStack, [], name: :doc_stack_abcast)
      iex> GenServer.abcast(:doc_stack_abcast, {:push, :d})
      :abcast
  """
  def abcast(nodes \\ [node()], name, request) when is_list(nodes) and is_atom(name) do
    msg = {:"$gen_cast", request}
    _ = for node <- nodes, node == node(), do: do_send(name, msg)
    :abcast
  end

  # Local node only: a node that is not this one is a bad node.
  @doc """
  Calls the server registered as `name` on each of `nodes` and gives
  `{replies, bad_nodes}`, the replies keyed by node.

      iex> defmodule DocStack do use GenServer; def init(s), do: {:ok, s}; def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}; def handle_call(:peek, from, [h | _] = s), do: (GenServer.reply(from, h); {:noreply, s}); def handle_cast({:push, x}, s), do: {:noreply, [x | s]} end
      iex> GenServer.start(DocStack, [:e], name: :doc_stack_multi)
      iex> GenServer.multi_call(:doc_stack_multi, :pop)
      {[nonode@nohost: :e], []}
  """
  def multi_call(nodes \\ [node()], name, request, timeout \\ :infinity) do
    Enum.reduce(Enum.reverse(nodes), {[], []}, fn node, {replies, bad} ->
      pid = if node == node(), do: Process.whereis(name), else: nil

      case pid && __call__(pid, :"$gen_call", request, timeout) do
        {:ok, reply} -> {[{node, reply} | replies], bad}
        _ -> {replies, [node | bad]}
      end
    end)
  end

  # A reply from a server to a caller that gave up is dropped (reply_to/2);
  # a process answering itself has nothing to check.
  @doc """
  Answers a call from inside the server, for a `handle_call/3` that
  gives `{:noreply, state}` and replies later (or from elsewhere); `from`
  is its second argument.

      iex> defmodule DocStack do use GenServer; def init(s), do: {:ok, s}; def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}; def handle_call(:peek, from, [h | _] = s), do: (GenServer.reply(from, h); {:noreply, s}); def handle_cast({:push, x}, s), do: {:noreply, [x | s]} end
      iex> {:ok, pid} = GenServer.start(DocStack, [:f])
      iex> GenServer.call(pid, :peek)
      :f
  """
  def reply({pid, tag} = from, reply) when is_pid(pid) do
    if pid == self(), do: send(pid, {tag, reply}), else: reply_to(from, reply)
    :ok
  end

  # `from` built by hand with a name: a send that fails is ignored, as OTP's.
  def reply({dest, tag}, reply) do
    try do
      send(dest, {tag, reply})
    catch
      _, _ -> :ok
    end

    :ok
  end

  defp reply_to({pid, tag}, reply) do
    receive do
      {:"$gen_abandon", ^tag} -> :ok
    after
      0 -> send(pid, {tag, reply})
    end
  end

  @doc """
  Stops the server with `reason`, running its `terminate/2`, and waits
  until it has exited; `:ok`.

      iex> defmodule DocStack do use GenServer; def init(s), do: {:ok, s}; def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}; def handle_call(:peek, from, [h | _] = s), do: (GenServer.reply(from, h); {:noreply, s}); def handle_cast({:push, x}, s), do: {:noreply, [x | s]} end
      iex> {:ok, pid} = GenServer.start(DocStack, [])
      iex> GenServer.stop(pid)
      :ok
  """
  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        exit({:noproc, {__MODULE__, :stop, [server, reason, timeout]}})

      pid ->
        if pid == self() do
          exit({:calling_self, {__MODULE__, :stop, [server, reason, timeout]}})
        end

        case proc_stop(pid, reason, timeout) do
          :ok -> :ok
          {:exit, err} -> exit({err, {__MODULE__, :stop, [server, reason, timeout]}})
        end
    end
  end

  # :proc_lib.stop: ask the process to terminate through a system message
  # and wait for it to be gone; another exit reason than the one asked for
  # is the caller's exit.
  defp proc_stop(pid, reason, timeout) do
    ref = Process.monitor(pid)
    tag = [:alias | ref]
    send(pid, {:system, {self(), tag}, {:terminate, reason}})

    receive do
      {:DOWN, ^ref, _, _, down} ->
        flush_reply(ref)

        cond do
          down == reason -> :ok
          true -> {:exit, down}
        end
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref)
        {:exit, :timeout}
    end
  end

  defp flush_reply(ref) do
    receive do
      {[:alias | ^ref], _} -> :ok
    after
      0 -> :ok
    end
  end

  @doc """
  The pid behind a server reference (a pid, a registered name,
  `{:global, name}`, `{:via, module, name}`), or `nil` when there is none.

      iex> GenServer.whereis(:no_such_server)
      nil
  """
  def whereis(server)
  def whereis(pid) when is_pid(pid), do: pid
  def whereis(name) when is_atom(name), do: Process.whereis(name)

  def whereis({:global, name}) do
    case :global.whereis_name(name) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end

  def whereis({:via, mod, name}) do
    case apply(mod, :whereis_name, [name]) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end

  def whereis({name, node} = server) when is_atom(name) and is_atom(node) do
    if node == node(), do: Process.whereis(name), else: server
  end

  @doc """
  Formats the report a server logs when it gets a message it has no
  `handle_info/2` for: `{format, args}` for `:io_lib.format/2`.

      iex> GenServer.format_report(%{label: {GenServer, :no_handle_info}, report: %{module: M, message: :hi, name: :x}}) |> is_tuple()
      true
  """
  def format_report(%{
        label: {GenServer, :no_handle_info},
        report: %{module: mod, message: msg, name: proc}
      }) do
    {'~p ~p received unexpected message in handle_info/2: ~p~n', [mod, proc, msg]}
  end

  # ---------------------------------------------------------------- server

  @doc false
  def __proc_name__ do
    case Process.info(self(), :registered_name) do
      {_, []} -> self()
      {_, name} -> name
    end
  end

  @doc false
  def __no_handle_info__(module, msg) do
    __report__(
      "#{inspect(module)} #{inspect(__proc_name__())} received unexpected message in handle_info/2: #{inspect(msg)}"
    )
  end

  # The child's side of start: register the name, run init/1, acknowledge.
  @doc false
  def __init_it__(starter, link, name, module, init_arg, ancestors) do
    Process.put(:"$ancestors", ancestors)
    Process.put(:"$initial_call", {module, :init, 1})
    parent = if link == :link, do: starter, else: self()

    case register_name(name) do
      :yes -> init_it(starter, parent, name, module, init_arg)
      {:no, pid} -> send(starter, {:ack, self(), {:error, {:already_started, pid}}})
    end
  end

  defp register_name(nil), do: :yes

  defp register_name({:local, atom}) do
    try do
      Process.register(self(), atom)
      :yes
    rescue
      _ -> {:no, Process.whereis(atom)}
    end
  end

  defp register_name({:global, term}) do
    case :global.register_name(term, self()) do
      :yes -> :yes
      :no -> {:no, :global.whereis_name(term)}
    end
  end

  defp register_name({:via, mod, term}) do
    case mod.register_name(term, self()) do
      :yes -> :yes
      :no -> {:no, mod.whereis_name(term)}
    end
  end

  defp unregister_name(nil), do: :ok

  defp unregister_name({:local, atom}) do
    try do
      Process.unregister(atom)
    rescue
      _ -> :ok
    end

    :ok
  end

  defp unregister_name({:global, term}), do: :global.unregister_name(term)
  defp unregister_name({:via, mod, term}), do: mod.unregister_name(term)

  defp init_it(starter, parent, name, module, init_arg) do
    ack = fn result -> send(starter, {:ack, self(), result}) end

    result =
      try do
        {:ok, module.init(init_arg)}
      catch
        :throw, r -> {:ok, r}
        kind, r -> {:EXIT, kind, r, __STACKTRACE__}
      end

    case result do
      {:ok, {:ok, state}} ->
        ack.({:ok, self()})
        loop(parent, name, module, state, :infinity)

      {:ok, {:ok, state, next}} ->
        ack.({:ok, self()})
        loop(parent, name, module, state, next)

      {:ok, {:stop, reason}} ->
        unregister_name(name)
        ack.({:error, reason})
        exit(reason)

      {:ok, :ignore} ->
        unregister_name(name)
        ack.(:ignore)
        exit(:normal)

      {:ok, other} ->
        unregister_name(name)
        error = {:bad_return_value, other}
        ack.({:error, error})
        exit(error)

      {:EXIT, kind, reason, stack} ->
        unregister_name(name)
        ack.({:error, terminate_reason(kind, reason, stack)})
        exit_as(kind, reason, stack)
    end
  end

  # The process's exit for an uncaught raise, exit or throw, as proc_lib
  # gives it.
  defp exit_as(:exit, reason, _stack), do: exit(reason)
  defp exit_as(:error, reason, stack), do: exit({reason, stack})
  defp exit_as(:throw, reason, stack), do: exit({{:nocatch, reason}, stack})

  defp terminate_reason(:error, reason, stack), do: {reason, stack}
  defp terminate_reason(:exit, reason, _stack), do: reason
  defp terminate_reason(:throw, reason, stack), do: {{:nocatch, reason}, stack}

  # The server loop: `next` is what the last callback asked for: a
  # timeout, :infinity, :hibernate or {:continue, term}.
  defp loop(parent, name, module, state, {:continue, continue}) do
    reply =
      try do
        {:ok, module.handle_continue(continue, state)}
      catch
        :throw, r -> {:ok, r}
        kind, r -> {:EXIT, kind, r, __STACKTRACE__}
      end

    common_reply(reply, parent, name, nil, {:continue, continue}, module, state)
  end

  defp loop(parent, name, module, state, :hibernate),
    do: loop(parent, name, module, state, :infinity)

  # A call skips `decode`: none of its clauses takes a `$gen_call`, and a
  # call is the hottest message a server gets.
  defp loop(parent, name, module, state, :infinity) do
    receive do
      {:"$gen_call", _, _} = msg -> handle_msg(msg, parent, name, module, state)
      msg -> decode(msg, parent, name, module, state, :infinity)
    end
  end

  defp loop(parent, name, module, state, timeout) do
    receive do
      {:"$gen_call", _, _} = msg -> handle_msg(msg, parent, name, module, state)
      msg -> decode(msg, parent, name, module, state, timeout)
    after
      timeout -> handle_msg(:timeout, parent, name, module, state)
    end
  end

  defp decode({:system, from, request}, parent, name, module, state, timeout) do
    system(request, from, parent, name, module, state, timeout)
  end

  defp decode({:EXIT, parent, reason}, parent, name, module, state, _timeout) do
    terminate(:exit, reason, [], reason, name, nil, {:EXIT, parent, reason}, module, state)
  end

  # Left behind by a caller whose call timed out after the reply was sent.
  defp decode({:"$gen_abandon", _tag}, parent, name, module, state, timeout) do
    loop(parent, name, module, state, timeout)
  end

  defp decode(msg, parent, name, module, state, _timeout) do
    handle_msg(msg, parent, name, module, state)
  end

  defp handle_msg({:"$gen_call", from, request} = msg, parent, name, module, state) do
    result =
      try do
        {:ok, module.handle_call(request, from, state)}
      catch
        :throw, r -> {:ok, r}
        kind, r -> {:EXIT, kind, r, __STACKTRACE__}
      end

    case result do
      {:ok, {:reply, reply, new_state}} ->
        reply_to(from, reply)
        loop(parent, name, module, new_state, :infinity)

      {:ok, {:reply, reply, new_state, next}} ->
        reply_to(from, reply)
        loop(parent, name, module, new_state, next)

      {:ok, {:stop, reason, reply, new_state}} ->
        try do
          terminate(:exit, reason, [], reason, name, from, msg, module, new_state)
        after
          reply(from, reply)
        end

      other ->
        common_reply(other, parent, name, from, msg, module, state)
    end
  end

  defp handle_msg({:"$gen_cast", request} = msg, parent, name, module, state) do
    reply =
      try do
        {:ok, module.handle_cast(request, state)}
      catch
        :throw, r -> {:ok, r}
        kind, r -> {:EXIT, kind, r, __STACKTRACE__}
      end

    common_reply(reply, parent, name, nil, msg, module, state)
  end

  defp handle_msg(msg, parent, name, module, state) do
    reply =
      if function_exported?(module, :handle_info, 2) do
        try do
          {:ok, module.handle_info(msg, state)}
        catch
          :throw, r -> {:ok, r}
          kind, r -> {:EXIT, kind, r, __STACKTRACE__}
        end
      else
        __report__(
          "** Undefined handle_info in #{inspect(module)}\n** Unhandled message: #{inspect(msg)}"
        )

        {:ok, {:noreply, state}}
      end

    common_reply(reply, parent, name, nil, msg, module, state)
  end

  defp common_reply(reply, parent, name, from, msg, module, state) do
    case reply do
      {:ok, {:noreply, new_state}} ->
        loop(parent, name, module, new_state, :infinity)

      {:ok, {:noreply, new_state, next}} ->
        loop(parent, name, module, new_state, next)

      {:ok, {:stop, reason, new_state}} ->
        terminate(:exit, reason, [], reason, name, from, msg, module, new_state)

      {:EXIT, kind, reason, stack} ->
        # OTP reports an exit from a callback with its stacktrace too.
        report = {reason, stack}
        terminate(kind, reason, stack, report, name, from, msg, module, state)

      {:ok, bad} ->
        reason = {:bad_return_value, bad}
        terminate(:exit, reason, [], reason, name, from, msg, module, state)
    end
  end

  defp terminate(kind, reason, stack, report_reason, name, from, msg, module, state) do
    treason = terminate_reason(kind, reason, stack)

    result =
      if function_exported?(module, :terminate, 2) do
        try do
          {:ok, module.terminate(treason, state)}
        catch
          :throw, r -> {:ok, r}
          k, r -> {:EXIT, k, r, __STACKTRACE__}
        end
      else
        {:ok, :ok}
      end

    case result do
      {:EXIT, k, r, s} ->
        error_info({r, s}, name, from, msg, state)
        exit_as(k, r, s)

      _ ->
        unless kind == :exit and clean_reason?(reason) do
          error_info(report_reason, name, from, msg, state)
        end
    end

    exit_as(kind, reason, stack)
  end

  defp clean_reason?(:normal), do: true
  defp clean_reason?(:shutdown), do: true
  defp clean_reason?({:shutdown, _}), do: true
  defp clean_reason?(_), do: false

  # The "GenServer ... terminating" report, in Elixir's words.
  defp error_info(reason, name, from, msg, state) do
    who =
      case name do
        {:local, atom} -> inspect(atom)
        {:global, term} -> inspect(term)
        {:via, _, term} -> inspect(term)
        nil -> inspect(self())
      end

    last =
      case {from, msg} do
        {{pid, _}, {:"$gen_call", _, request}} when is_pid(pid) ->
          "Last message (from #{inspect(pid)}): #{inspect(request)}"

        {{pid, _}, _} when is_pid(pid) ->
          "Last message (from #{inspect(pid)}): #{inspect(msg)}"

        _ ->
          "Last message: #{inspect(msg)}"
      end

    client =
      case from do
        {pid, _} when is_pid(pid) ->
          alive = if Process.alive?(pid), do: "is alive", else: "is dead"
          "\nClient #{inspect(pid)} #{alive}"

        _ ->
          ""
      end

    __report__(
      "GenServer #{who} terminating\n#{__format_stop__(reason)}\n#{last}\nState: #{inspect(state)}#{client}"
    )
  end

  # The reason as Logger's translator prints it: an exception (or an
  # Erlang error that normalises to one other than ErlangError) with its
  # banner, any other term after `** (stop)` as `Exception.format_exit/1`
  # words it; a `{reason, stacktrace}` pair adds the stacktrace's lines.
  @doc false
  def __format_stop__({reason, [_ | _] = stack} = pair) do
    if stacktrace?(stack) do
      banner(reason, stack) <>
        "\n" <> String.trim_trailing(Exception.format_stacktrace(stack), "\n")
    else
      banner(pair, [])
    end
  end

  def __format_stop__(reason), do: banner(reason, [])

  defp banner(reason, stack) do
    e = normalize(reason, stack)

    if is_exception(e) and not match?(%ErlangError{}, e) do
      "** (#{inspect(e.__struct__)}) #{Exception.message(e)}"
    else
      "** (stop) " <> Exception.format_exit(reason)
    end
  end

  defp stacktrace?(stack) do
    Enum.all?(stack, fn
      {m, f, a, loc} when is_atom(m) and is_atom(f) and (is_integer(a) or is_list(a)) ->
        is_list(loc)

      {fun, a, loc} when is_function(fun) and (is_integer(a) or is_list(a)) ->
        is_list(loc)

      _ ->
        false
    end)
  end

  # The stack names the function of a `:function_clause` (as the
  # translator's Exception.normalize/3 does).
  defp normalize(reason, stack) do
    if is_exception(reason) do
      reason
    else
      Exception.normalize(:error, reason, stack)
    end
  end

  # Where an error report goes: to Logger at level :error, as OTP's
  # reports reach Elixir's console backend (stdout, with a timestamp), so
  # `Logger.configure(level: ...)` silences them as it does in Elixir.
  @doc false
  def __report__(text) do
    Logger.bare_log(:error, text)
  end

  # ---------------------------------------------------------------- :sys

  # A system message (from :sys, or GenServer.stop): answered here; the
  # loop goes on running or suspended as the request says.
  defp system(request, from, parent, name, module, state, timeout, mode \\ :running) do
    {mode, state} =
      case request do
        :get_state ->
          reply(from, {:ok, state})
          {mode, state}

        {:replace_state, fun} ->
          try do
            new_state = fun.(state)
            reply(from, {:ok, new_state})
            {mode, new_state}
          catch
            kind, r ->
              reply(
                from,
                {:error, {:callback_failed, {:gen_server, :system_replace_state}, {kind, r}}}
              )

              {mode, state}
          end

        :get_status ->
          reply(from, {:ok, status(parent, name, state, mode)})
          {mode, state}

        :suspend ->
          reply(from, :ok)
          {:suspended, state}

        :resume ->
          reply(from, :ok)
          {:running, state}

        {:terminate, reason} ->
          reply(from, :ok)
          terminate(:exit, reason, [], reason, name, nil, [], module, state)

        _ ->
          reply(from, {:error, :unknown_system_msg})
          {mode, state}
      end

    case mode do
      :running -> loop(parent, name, module, state, timeout)
      :suspended -> suspended(parent, name, module, state, timeout)
    end
  end

  defp status(parent, name, state, mode) do
    header =
      case name do
        {:local, atom} ->
          'Status for generic server ' ++ Atom.to_charlist(atom)

        _ ->
          "#PID" <> pid = inspect(self())
          'Status for generic server ' ++ String.to_charlist(pid)
      end

    {:status, self(), {:module, :gen_server},
     [
       Process.get(),
       mode,
       parent,
       [],
       [
         header: header,
         data: [{'Status', mode}, {'Parent', parent}, {'Logged events', []}],
         data: [{'State', state}]
       ]
     ]}
  end

  # Suspended by :sys.suspend: only system messages (and the parent's exit)
  # are handled until :sys.resume.
  defp suspended(parent, name, module, state, timeout) do
    receive do
      {:system, from, request} ->
        system(request, from, parent, name, module, state, timeout, :suspended)

      {:EXIT, ^parent, reason} ->
        terminate(:exit, reason, [], reason, name, nil, {:EXIT, parent, reason}, module, state)
    end
  end
end
