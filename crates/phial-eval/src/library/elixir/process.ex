# Process's phial half: waiting (a receive with only an `after`, so the
# process parks), hibernation, and spawn/4 over spawn/2.
# Not here: every other Process function (process.rs).
defmodule Process do
  @moduledoc """
  Functions for processes: the calling process's dictionary, links and
  monitors, registered names, timers, flags and information about any
  process. Processes are phial's green processes, scheduled as the BEAM's
  are.

      iex> Process.alive?(self())
      true
  """

  @doc """
  Suspends the calling process for `timeout` milliseconds (or forever,
  with `:infinity`); other processes run meanwhile. Gives `:ok`.

      iex> Process.sleep(1)
      :ok
  """
  def sleep(:infinity) do
    receive do
    after
      :infinity -> :ok
    end
  end

  def sleep(ms) when is_integer(ms) and ms >= 0 do
    receive do
    after
      ms -> :ok
    end
  end

  # erlang:hibernate/3: wait for a message without taking it, then run
  # `mod.fun(args)` in place of everything the process was doing: when it
  # returns, the process ends, as a hibernated BEAM process does (its call
  # stack was discarded). phial's stack is already on the heap, so there is
  # no memory to give back.
  @doc """
  Drops the calling process's stack and waits for a message; when one
  comes, the process continues in `apply(module, fun_name, args)`.

      iex> is_function(&Process.hibernate/3)
      true
  """
  def hibernate(mod, fun_name, args)
      when is_atom(mod) and is_atom(fun_name) and is_list(args) do
    receive do
      msg -> :phial.put_back_message(msg)
    end

    apply(mod, fun_name, args)
    exit(:normal)
  end

  @doc """
  Starts `apply(module, fun, args)` in a new process with `opts`
  (`:link`, `:monitor`, ...); gives the pid, or `{pid, ref}` with
  `:monitor`.

      iex> {pid, ref} = Process.spawn(Enum, :sum, [[1]], [:monitor])
      iex> is_pid(pid) and is_reference(ref)
      true
  """
  def spawn(mod, fun, args, opts)
      when is_atom(mod) and is_atom(fun) and is_list(args) and is_list(opts) do
    Process.spawn(fn -> apply(mod, fun, args) end, opts)
  end
end
