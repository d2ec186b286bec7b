# ExUnit: start/configure/run and the runner. Its state (configuration,
# the test modules in the order they were defined) is held by a process
# registered as :ex_unit_server, since test modules register from the
# script's process and the tests run from an at-exit hook's. Each test runs
# in a process of its own. Output is Elixir 1.14's CLI formatter without
# colours. Not here: defining tests (ExUnit.Case), assertions.
defmodule ExUnit do
  def start(opts \\ []) do
    configure(opts)
    state = __state__()

    # `autorun: false` (as `mix test` sets it) leaves running to the caller.
    if not state.started and Keyword.get(state.config, :autorun, true) do
      __update__(fn s -> %{s | started: true} end)

      System.at_exit(fn
        0 ->
          %{failures: failures} = ExUnit.run()

          if failures > 0 do
            System.halt(2)
          end

        _ ->
          :ok
      end)
    end

    :ok
  end

  def configure(opts) do
    __update__(fn s -> %{s | config: Keyword.merge(s.config, opts)} end)
    :ok
  end

  def configuration, do: __state__().config

  def __register__(module, async) do
    __update__(fn s -> %{s | modules: s.modules ++ [{module, async}]} end)
  end

  defp server do
    case Process.whereis(:ex_unit_server) do
      nil ->
        initial = %{config: [seed: 0, exclude: [], include: []], modules: [], started: false}
        pid = spawn(fn -> loop(initial) end)
        Process.register(pid, :ex_unit_server)
        pid

      pid ->
        pid
    end
  end

  defp loop(state) do
    receive do
      {:get, from} ->
        send(from, {:ex_unit_state, state})
        loop(state)

      {:update, fun} ->
        loop(fun.(state))
    end
  end

  def __state__ do
    send(server(), {:get, self()})

    receive do
      {:ex_unit_state, state} -> state
    end
  end

  def __update__(fun) do
    send(server(), {:update, fun})
    :ok
  end

  def run do
    state = __state__()
    __update__(fn s -> %{s | modules: []} end)
    config = state.config
    started = System.monotonic_time(:microsecond)
    # With seed 0 nothing is shuffled: Elixir then runs modules last defined
    # first (async ones before the others), each one's tests in order.
    {async, sync} = Enum.split_with(Enum.reverse(state.modules), fn {_, a} -> a end)
    counts = %{total: 0, failures: 0, skipped: 0, excluded: 0, invalid: 0}
    {include, exclude} = normalize(Keyword.get(config, :include, []), Keyword.get(config, :exclude, []))
    config = config |> Keyword.put(:include, include) |> Keyword.put(:exclude, exclude)
    filters(include, exclude)

    counts =
      Enum.reduce(async ++ sync, counts, fn {module, _}, acc ->
        run_module(module, config, acc)
      end)

    if counts.total > 0 and counts.excluded == counts.total do
      IO.puts("All tests have been excluded.")
    end

    elapsed = System.monotonic_time(:microsecond) - started
    IO.write("\nFinished in #{seconds(elapsed)} seconds (0.00s async, #{seconds(elapsed)}s sync)\n")
    IO.puts(summary(counts))
    IO.puts("\nRandomized with seed #{Keyword.get(config, :seed, 0)}")
    # Invalid tests count as failures (the exit code), as in ExUnit.RunnerStats.
    %{total: counts.total, failures: counts.failures + counts.invalid, skipped: counts.skipped, excluded: counts.excluded}
  end

  # As the CLI formatter prints them: excludes, includes, one blank line.
  defp filters([], []), do: :ok

  defp filters(include, exclude) do
    if exclude != [], do: IO.puts("Excluding tags: " <> inspect(exclude))
    if include != [], do: IO.puts("Including tags: " <> inspect(include))
    IO.puts("")
  end

  # ExUnit.Filters.normalize/2: an included atom or pair is no longer
  # excluded.
  defp normalize(include, exclude) do
    {include_atoms, include_tags} = include |> List.wrap() |> Enum.uniq() |> Enum.split_with(&is_atom/1)
    {exclude_atoms, exclude_tags} = exclude |> List.wrap() |> Enum.uniq() |> Enum.split_with(&is_atom/1)
    included_keys = for {k, v} <- include_tags, {^k, w} <- exclude_tags, to_string(v) == to_string(w), do: k
    exclude_tags = exclude_tags |> Keyword.drop(include_atoms) |> Keyword.drop(included_keys)
    {include_atoms ++ include_tags, (exclude_atoms -- include_atoms) ++ exclude_tags}
  end

  defp seconds(us) do
    :erlang.float_to_binary(us / 1_000_000, decimals: 2)
  end

  defp summary(c) do
    base = "#{c.total} #{plural(c.total, "test", "tests")}, #{c.failures} #{plural(c.failures, "failure", "failures")}"
    base = if c.invalid > 0, do: base <> ", #{c.invalid} invalid", else: base
    base = if c.excluded > 0, do: base <> ", #{c.excluded} excluded", else: base
    if c.skipped > 0, do: base <> ", #{c.skipped} skipped", else: base
  end

  defp plural(1, one, _), do: one
  defp plural(_, _, many), do: many

  defp run_module(module, config, acc) do
    moduletags = tag_map(module.__ex_unit__(:moduletag))
    describetags = module.__ex_unit__(:describetag)

    {tests, _} =
      Enum.map_reduce(module.__ex_unit__(:tests), 0, fn {name, describe, line, file, extra, all},
                                                        seen ->
        own = Enum.take(all, length(all) - seen) |> Enum.reverse()

        dtags =
          for {d, tags} <- describetags, d == describe, reduce: %{} do
            m -> Map.merge(m, tag_map([tags]))
          end

        tags =
          moduletags
          |> Map.merge(dtags)
          |> Map.merge(tag_map(own))
          |> Map.merge(Map.new(extra))
          |> Map.merge(%{test: name, line: line, file: file, module: module, describe: describe})

        {{name, describe, line, file, tags}, length(all)}
      end)

    exclude = Keyword.get(config, :exclude, [])
    include = Keyword.get(config, :include, [])

    lines = Enum.map(tests, fn {_, _, line, _, _} -> line end)
    trace = Keyword.get(config, :trace, false)

    {run, held} =
      Enum.split_with(tests, fn {_, _, _, _, tags} ->
        not skip?(tags) and not excluded?(tags, exclude, include, lines)
      end)

    if trace, do: IO.puts("\n#{inspect(module)} [#{Path.relative_to_cwd(module_file(tests))}]")

    acc =
      Enum.reduce(held, acc, fn {name, _, _, _, tags} = test, acc ->
        if skip?(tags) and not excluded?(tags, exclude, include, lines) do
          if trace, do: IO.puts(trace_line(test, "skipped")), else: IO.write("*")
          %{acc | total: acc.total + 1, skipped: acc.skipped + 1}
        else
          _ = name
          if trace, do: IO.puts(trace_line(test, "excluded"))
          %{acc | total: acc.total + 1, excluded: acc.excluded + 1}
        end
      end)

    if run == [] do
      acc
    else
      base = %{module: module, case: module}
      setups = module.__ex_unit__(:setup)

      case run_callbacks(module, module.__ex_unit__(:setup_all), nil, base) do
        {:ok, context} ->
          Enum.reduce(run, acc, fn test, acc ->
            run_one(module, test, context, setups, acc, trace)
          end)

        {:failed, kind, reason, stack} ->
          # A failed setup_all invalidates the module's tests ("?" each),
          # then one report for the module, numbered as the failures so far.
          Enum.each(run, fn test ->
            if trace, do: IO.puts(trace_line(test, "invalid")), else: IO.write("?")
          end)

          {body, stack} = format_kind_reason(module, nil, kind, reason, stack)

          IO.write(
            "\n\n  #{acc.failures}) #{inspect(module)}: failure on setup_all callback, all tests have been invalidated\n" <>
              body <> format_stacktrace(stack, module, nil) <> "\n"
          )

          n = length(run)
          %{acc | total: acc.total + n, invalid: acc.invalid + n}
      end
    end
  end

  defp module_file([{_, _, _, file, _} | _]), do: file
  defp module_file([]), do: ""

  # `--trace`'s line for a test: its name, then (after a carriage return)
  # its name again with the outcome.
  defp trace_line({name, _, line, _, _}, outcome) do
    started = String.replace("  * #{name}", "\n", " ")
    "#{started} [L##{line}]\r#{started} (#{outcome}) [L##{line}]"
  end

  # Tags as a map: a bare atom is `true`, keywords their values.
  defp tag_map(entries) do
    entries
    |> List.flatten()
    |> Enum.reduce(%{}, fn
      {k, v}, m -> Map.put(m, k, v)
      k, m when is_atom(k) -> Map.put(m, k, true)
      _, m -> m
    end)
  end

  # `@tag :skip` or `@tag skip: "reason"`.
  defp skip?(tags), do: Map.get(tags, :skip, false) not in [false, nil]

  defp excluded?(tags, exclude, include, lines) do
    hit = fn filters ->
      Enum.any?(filters, fn
        {:line, l} -> line_hit?(tags.line, l, lines)
        {k, v} -> Map.has_key?(tags, k) and to_string(Map.get(tags, k)) == to_string(v)
        k -> Map.has_key?(tags, k)
      end)
    end

    hit.(exclude) and not hit.(include)
  end

  # `line: N` selects the module's last test starting at or before line N.
  defp line_hit?(line, wanted, lines) do
    wanted = if is_binary(wanted), do: String.to_integer(wanted), else: wanted
    closest = lines |> Enum.filter(&(&1 <= wanted)) |> Enum.max(fn -> nil end)
    line <= wanted and closest == line
  end

  # setup_all (describe nil) or setup callbacks in order, each merging its
  # result into the context; a failing one fails the tests.
  defp run_callbacks(module, callbacks, describe, context) do
    callbacks
    |> Enum.filter(fn {d, _} -> d == nil or d == describe end)
    |> Enum.reduce_while({:ok, context}, fn {_, fname}, {:ok, ctx} ->
      try do
        {:cont, {:ok, __merge_setup__(ctx, apply(module, fname, [ctx]))}}
      rescue
        e -> {:halt, {:failed, :error, e, prune(__STACKTRACE__)}}
      catch
        kind, reason -> {:halt, {:failed, kind, reason, prune(__STACKTRACE__)}}
      end
    end)
  end

  def __setup_chain__(context, funs) do
    Enum.reduce(funs, context, fn fun, ctx -> __merge_setup__(ctx, fun.(ctx)) end)
  end

  def __merge_setup__(ctx, :ok), do: ctx
  def __merge_setup__(ctx, {:ok, more}), do: __merge_setup__(ctx, more)
  def __merge_setup__(ctx, more) when is_map(more), do: Map.merge(ctx, more)
  def __merge_setup__(ctx, more) when is_list(more), do: Map.merge(ctx, Map.new(more))

  def __merge_setup__(_ctx, other) do
    raise RuntimeError,
          "expected ExUnit callback to return :ok | keyword | map, got #{inspect(other)} instead"
  end

  defp run_one(module, {name, describe, line, file, tags} = test, base, setups, acc, trace) do
    acc = %{acc | total: acc.total + 1}
    if trace, do: IO.write(String.replace("  * #{name}", "\n", " ") <> " [L##{line}]")
    started = System.monotonic_time(:microsecond)
    context = Map.merge(base, %{test: name, describe: describe, line: line, file: file})
    context = Map.merge(context, tags)

    result =
      case run_callbacks(module, setups, describe, context) do
        {:ok, context} -> run_test(module, name, context)
        failed -> failed
      end

    if trace do
      us = System.monotonic_time(:microsecond) - started
      time = :erlang.float_to_binary(us / 1000, decimals: 1) <> "ms"
      [_, done] = String.split(trace_line(test, time), "\r")
      IO.puts("\r" <> done)
    end

    case result do
      :ok ->
        if not trace, do: IO.write(".")
        acc

      {:failed, kind, reason, stack} ->
        n = acc.failures + 1
        text = format_failure(n, module, name, file, line, kind, reason, stack)
        # The trace's line already ended the row: one newline fewer.
        text = if trace, do: String.replace_prefix(text, "\n", ""), else: text
        IO.write(text)
        %{acc | failures: n}
    end
  end

  defp run_test(module, name, context) do
    parent = self()
    ref = make_ref()

    pid =
      spawn(fn ->
        result =
          try do
            apply(module, name, [context])
            :ok
          rescue
            e -> {:failed, :error, e, prune(__STACKTRACE__)}
          catch
            kind, reason -> {:failed, kind, reason, prune(__STACKTRACE__)}
          end

        send(parent, {ref, result})
      end)

    monitor = Process.monitor(pid)

    receive do
      {^ref, result} ->
        Process.demonitor(monitor, [:flush])
        result

      {:DOWN, ^monitor, _, _, reason} ->
        # The result may be behind the monitor's message (a test that ended
        # before it was monitored gives :noproc).
        receive do
          {^ref, result} -> result
        after
          0 -> {:failed, :exit, reason, []}
        end
    end
  end

  # A failure's trace without the runner's frames: the assertions' own
  # frames go, and everything from the runner's (this module's) on.
  defp prune([{ExUnit.Assertions, _, _, _} | t]), do: prune(t)
  defp prune([{ExUnit, _, _, _} | _]), do: []
  defp prune([h | t]), do: [h | prune(t)]
  defp prune(_), do: []

  defp format_failure(n, module, name, file, line, kind, reason, stack) do
    file = Path.relative_to_cwd(file)
    header = "\n\n  #{n}) #{name} (#{inspect(module)})\n     #{file}:#{line}\n"
    {body, stack} = format_kind_reason(module, name, kind, reason, stack)
    header <> body <> format_stacktrace(stack, module, name) <> "\n"
  end

  defp format_kind_reason(module, name, :error, %ExUnit.AssertionError{} = e, stack) do
    {format_reason(:error, e, get_code(module, name, stack)), stack}
  end

  defp format_kind_reason(module, name, :error, %FunctionClauseError{} = e, stack) do
    {e, stack} = Exception.blame(:error, e, stack)
    banner = Exception.format_banner(:error, e)
    text = pad(banner) <> "\n" <> pad(String.trim_leading(clause_args(e), "\n"))
    {text <> format_code(module, name, stack), stack}
  end

  defp format_kind_reason(module, name, kind, reason, stack) do
    {reason, stack} = Exception.blame(kind, reason, stack)
    {pad(Exception.format_banner(kind, reason)) <> format_code(module, name, stack), stack}
  end

  # The arguments a function clause error was given, as Elixir's
  # FunctionClauseError.blame/3 lists them.
  defp clause_args(%{module: m, function: f, arity: a, args: args}) when is_list(args) do
    listed =
      args
      |> Enum.with_index(1)
      |> Enum.map_join("\n", fn {arg, i} -> "    # #{i}\n    #{inspect(arg)}\n" end)

    "\n\nThe following arguments were given to #{Exception.format_mfa(m, f, a)}:\n\n" <> listed
  end

  defp clause_args(_), do: ""

  defp pad(text), do: "     " <> String.replace(text, "\n", "\n     ") <> "\n"

  defp format_code(module, name, stack) do
    case get_code(module, name, stack) do
      nil -> ""
      code -> "     code: " <> code <> "\n"
    end
  end

  # The source line of the test's own entry in the trace.
  defp get_code(module, name, stack) do
    info =
      Enum.find_value(stack, fn
        {^module, ^name, _, info} -> info
        _ -> nil
      end)

    file = info[:file]
    line = info[:line]

    if is_integer(line) and line > 0 and file != nil and File.exists?(to_string(file)) do
      to_string(file) |> File.read!() |> String.split("\n") |> Enum.at(line - 1) |> String.trim()
    end
  end

  defp format_stacktrace([], _module, _name), do: ""

  defp format_stacktrace(stack, module, name) do
    entries =
      for entry <- stack, into: "" do
        "       " <> format_entry(entry, module, name) <> "\n"
      end

    "     stacktrace:\n" <> entries
  end

  defp format_entry({module, name, _, location}, module, name) do
    file = location[:file] |> to_string() |> Path.relative_to_cwd()
    Exception.format_file_line(file, location[:line], " (test)")
  end

  defp format_entry(entry, _module, _name), do: Exception.format_stacktrace_entry(entry)

  @no_value :ex_unit_no_meaningful_value

  defp format_reason(:error, %ExUnit.AssertionError{} = e, source) do
    pad = if e.right != @no_value, do: 7, else: 6

    fields = [
      code: if(e.expr != @no_value, do: e.expr, else: source || @no_value),
      arguments: if(e.args != @no_value, do: format_args(e.args), else: @no_value),
      left: format_side(e.left),
      right: format_side(e.right)
    ]

    message = "     " <> String.replace(e.message, "\n", "\n     ") <> "\n"

    rest =
      for {label, value} <- fields, value != @no_value, into: "" do
        "     " <> String.pad_trailing("#{label}:", pad) <> value <> "\n"
      end

    message <> rest <> format_mailbox(e.context)
  end

  defp format_mailbox({:mailbox, _pattern, []}), do: ""

  defp format_mailbox({:mailbox, pattern, messages}) do
    entries =
      Enum.map(messages, fn m ->
        "       pattern: " <> pattern <> "\n       value:   " <> inspect(m) <> "\n"
      end)

    "     mailbox:\n" <> Enum.join(entries, "\n")
  end

  defp format_mailbox(_), do: ""

  defp format_side(@no_value), do: @no_value
  defp format_side({:ex_unit_code, code}), do: code
  defp format_side(value), do: inspect(value)

  defp format_args(args) do
    entries =
      args
      |> Enum.with_index(1)
      |> Enum.map(fn {arg, i} -> "\n         # #{i}\n         #{inspect(arg)}\n" end)

    "\n" <> Enum.join(entries)
  end
end
