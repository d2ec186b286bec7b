# Agent: state held by a process, read and changed through functions
# (closures or {module, fun, args}), with Elixir 1.14's API and `use
# Agent`. The process is a GenServer running Agent.Server, defined here
# too (it is not a unit of its own). Not here: the GenServer loop itself.
defmodule Agent do
  @moduledoc """
  A process that holds one value, its state, and lets other processes
  read and change it through functions run inside it. Starting one
  gives its pid (or registers a name); every `get`, `update` and
  `get_and_update` is a message to it, handled one at a time.

      iex> {:ok, counter} = Agent.start(fn -> 0 end)
      iex> Agent.update(counter, &(&1 + 1))
      iex> Agent.get(counter, & &1)
      1
  """

  @doc """
  The child specification a supervisor uses to start an agent with
  `arg` (a function, or `{fun, options}`-style arguments to `start_link`).

      iex> Agent.child_spec(fn -> 0 end).id
      Agent
  """
  def child_spec(arg) do
    %{
      id: Agent,
      start: {Agent, :start_link, [arg]}
    }
  end

  @doc """
  `use Agent` in a module defines `child_spec/1` for it, so a supervisor
  can start it through the module's `start_link/1`; options given to
  `use` (`:id`, `:restart`, `:shutdown`) go into that spec.

      iex> defmodule DocCounter do
      ...>   use Agent
      ...>   def start_link(n), do: Agent.start_link(fn -> n end)
      ...> end
      iex> DocCounter.child_spec(5).start
      {DocCounter, :start_link, [5]}
  """
  defmacro __using__(opts) do
    quote location: :keep do
      def child_spec(arg) do
        default = %{
          id: __MODULE__,
          start: {__MODULE__, :start_link, [arg]}
        }

        Supervisor.child_spec(default, unquote(Macro.escape(opts)))
      end

      defoverridable child_spec: 1
    end
  end

  @doc """
  Starts an agent linked to the caller, its state the result of `fun`
  (run in the new process): `{:ok, pid}`. `name:` registers it.

      iex> {:ok, agent} = Agent.start_link(fn -> 0 end)
      iex> Agent.get(agent, & &1)
      0
  """
  def start_link(fun, options \\ []) when is_function(fun, 0) do
    GenServer.start_link(Agent.Server, fun, options)
  end

  @doc """
  Like `start_link/2`, the state being `apply(module, fun, args)`.

      iex> {:ok, agent} = Agent.start_link(Map, :new, [])
      iex> Agent.get(agent, &map_size/1)
      0
  """
  def start_link(module, fun, args, options \\ []) do
    GenServer.start_link(Agent.Server, {module, fun, args}, options)
  end

  @doc """
  Like `start_link/2`, without the link.

      iex> {:ok, agent} = Agent.start(fn -> [1] end)
      iex> Agent.get(agent, & &1)
      [1]
  """
  def start(fun, options \\ []) when is_function(fun, 0) do
    GenServer.start(Agent.Server, fun, options)
  end

  @doc """
  Like `start_link/4`, without the link.

      iex> {:ok, agent} = Agent.start(List, :duplicate, [:x, 2])
      iex> Agent.get(agent, & &1)
      [:x, :x]
  """
  def start(module, fun, args, options \\ []) do
    GenServer.start(Agent.Server, {module, fun, args}, options)
  end

  @doc """
  Gives `fun.(state)`, computed in the agent; the state does not change.
  Waits at most `timeout` milliseconds.

      iex> {:ok, agent} = Agent.start(fn -> %{a: 1} end)
      iex> Agent.get(agent, &map_size/1)
      1
  """
  def get(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:get, fun}, timeout)
  end

  @doc """
  Like `get/3`, calling `apply(module, fun, [state | args])`.

      iex> {:ok, agent} = Agent.start(fn -> [1, 2] end)
      iex> Agent.get(agent, Enum, :count, [])
      2
  """
  def get(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:get, {module, fun, args}}, timeout)
  end

  @doc """
  `fun.(state)` gives `{reply, new_state}`: the agent keeps the new state
  and the caller gets the reply.

      iex> {:ok, agent} = Agent.start(fn -> 0 end)
      iex> Agent.get_and_update(agent, fn n -> {n, n + 1} end)
      0
  """
  def get_and_update(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:get_and_update, fun}, timeout)
  end

  @doc """
  Like `get_and_update/3`, calling `apply(module, fun, [state | args])`.

      iex> {:ok, agent} = Agent.start(fn -> [1, 2] end)
      iex> Agent.get_and_update(agent, List, :pop_at, [0])
      1
  """
  def get_and_update(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:get_and_update, {module, fun, args}}, timeout)
  end

  @doc """
  Replaces the state with `fun.(state)` and gives `:ok` once done.

      iex> {:ok, agent} = Agent.start(fn -> 1 end)
      iex> Agent.update(agent, &(&1 + 10))
      iex> Agent.get(agent, & &1)
      11
  """
  def update(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:update, fun}, timeout)
  end

  @doc """
  Like `update/3`, the new state being `apply(module, fun, [state | args])`.

      iex> {:ok, agent} = Agent.start(fn -> %{} end)
      iex> Agent.update(agent, Map, :put, [:k, 1])
      :ok
  """
  def update(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:update, {module, fun, args}}, timeout)
  end

  @doc """
  Like `update/3` without waiting: gives `:ok` at once, whether or not
  the agent exists.

      iex> {:ok, agent} = Agent.start(fn -> 2 end)
      iex> Agent.cast(agent, &(&1 * 2))
      iex> Agent.get(agent, & &1)
      4
  """
  def cast(agent, fun) when is_function(fun, 1) do
    GenServer.cast(agent, {:cast, fun})
  end

  @doc """
  Like `cast/2`, the new state being `apply(module, fun, [state | args])`.

      iex> {:ok, agent} = Agent.start(fn -> %{k: 1} end)
      iex> Agent.cast(agent, Map, :delete, [:k])
      iex> Agent.get(agent, & &1)
      %{}
  """
  def cast(agent, module, fun, args) do
    GenServer.cast(agent, {:cast, {module, fun, args}})
  end

  @doc """
  Stops the agent with `reason` and waits (at most `timeout`) until it is
  gone; `:ok`.

      iex> {:ok, agent} = Agent.start(fn -> 1 end)
      iex> Agent.stop(agent)
      :ok
  """
  def stop(agent, reason \\ :normal, timeout \\ :infinity) do
    GenServer.stop(agent, reason, timeout)
  end
end

defmodule Agent.Server do
  @moduledoc false

  def init(fun) do
    _ = initial_call(fun)
    {:ok, run(fun, [])}
  end

  def handle_call({:get, fun}, _from, state) do
    {:reply, run(fun, [state]), state}
  end

  def handle_call({:get_and_update, fun}, _from, state) do
    case run(fun, [state]) do
      {reply, state} -> {:reply, reply, state}
      other -> {:stop, {:bad_return_value, other}, state}
    end
  end

  def handle_call({:update, fun}, _from, state) do
    {:reply, :ok, run(fun, [state])}
  end

  def handle_cast({:cast, fun}, state) do
    {:noreply, run(fun, [state])}
  end

  # No catch-all clause for calls or casts: as in Elixir's Agent.Server,
  # an unknown request fails with a FunctionClauseError.

  def handle_info(msg, state) do
    GenServer.__no_handle_info__(__MODULE__, msg)
    {:noreply, state}
  end

  def terminate(_reason, _state), do: :ok

  def code_change(_old, state, fun) do
    {:ok, run(fun, [state])}
  end

  defp initial_call(mfa) do
    _ = Process.put(:"$initial_call", get_initial_call(mfa))
    :ok
  end

  defp get_initial_call(fun) when is_function(fun, 0) do
    {:module, module} = Function.info(fun, :module)
    {:name, name} = Function.info(fun, :name)
    {module, name, 0}
  end

  defp get_initial_call({mod, fun, args}) do
    {mod, fun, length(args)}
  end

  defp run({m, f, a}, extra), do: apply(m, f, extra ++ a)
  defp run(fun, extra), do: apply(fun, extra)
end
