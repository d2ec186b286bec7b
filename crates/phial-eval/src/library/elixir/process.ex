# Process's phial half: waiting (a receive with only an `after`, so the
# process parks), hibernation, and spawn/4 over spawn/2.
# Not here: every other Process function (process.rs).
defmodule Process do
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
  def hibernate(mod, fun_name, args)
      when is_atom(mod) and is_atom(fun_name) and is_list(args) do
    receive do
      msg -> :phial.put_back_message(msg)
    end

    apply(mod, fun_name, args)
    exit(:normal)
  end

  def spawn(mod, fun, args, opts)
      when is_atom(mod) and is_atom(fun) and is_list(args) and is_list(opts) do
    Process.spawn(fn -> apply(mod, fun, args) end, opts)
  end
end
