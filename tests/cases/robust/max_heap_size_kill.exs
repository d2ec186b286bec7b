# A process over its max_heap_size (with kill: true, the default) is killed
# with reason :killed: monitors get it in their DOWN, a linked process that
# traps exits gets {:EXIT, pid, :killed}, and a linked one that does not
# dies with :killed too. With kill: false it lives on; under the limit
# nothing happens. (error_logger: false: the BEAM's report has a timestamp.)
defmodule Grow do
  @quiet %{size: 10_000, error_logger: false}

  def big, do: Enum.to_list(1..100_000)

  def step_by_step do
    Process.flag(:max_heap_size, @quiet)
    Enum.reduce(1..100_000, [], fn x, acc -> [x | acc] end)
  end

  def at_once do
    Process.flag(:max_heap_size, @quiet)
    big()
  end

  def down(fun) do
    {pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end

  def run do
    IO.inspect(down(&step_by_step/0), label: "grows step by step")
    IO.inspect(down(&at_once/0), label: "one big list")

    IO.inspect(
      down(fn ->
        Process.flag(:max_heap_size, @quiet)
        length(Enum.reduce(1..1000, [], fn x, acc -> [x | acc] end))
      end),
      label: "under the limit"
    )

    parent = self()

    IO.inspect(
      down(fn ->
        Process.flag(:max_heap_size, %{size: 10_000, kill: false, error_logger: false})
        send(parent, {:length, length(big())})
      end),
      label: "kill: false"
    )

    receive do
      {:length, n} -> IO.inspect(n, label: "its result")
    end

    # the spawn option
    {pid, ref} =
      Process.spawn(fn -> big() end, [:monitor, max_heap_size: %{size: 5_000, error_logger: false}])

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "spawn option")
    end

    # a linked process that traps exits is told
    Process.flag(:trap_exit, true)
    pid = spawn_link(&at_once/0)

    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "linked, trapping")
    end

    Process.flag(:trap_exit, false)

    # one that does not dies with :killed too
    outer =
      down(fn ->
        spawn_link(&step_by_step/0)
        Process.sleep(5_000)
      end)

    IO.inspect(outer, label: "linked, not trapping")
    IO.puts("the VM lives on")
  end
end

Grow.run()
