# Phial.ProjectTest: what `phial test` runs in a Mix-style project, as
# `mix test` does: compiles lib/**/*.ex (retrying a file that fails while
# another may still define what it needs, as Mix's parallel compiler waits
# for a missing module), requires test/test_helper.exs with ExUnit's autorun
# off, requires the test files in order, then runs ExUnit and halts with
# mix's exit code (2 on failures). The command line is read by the Rust
# side (crates/phial-cli/src/project_test.rs), which hands over the lists.
# Not here: the runner and its output (ExUnit), Mix itself (mix.exs is not
# evaluated).
defmodule Phial.ProjectTest do
  def run(app, lib, helper, tests, include, exclude, lines, seed, trace) do
    config = [seed: seed, trace: trace, include: parse(include), exclude: parse(exclude)]
    compile(app, lib)
    ExUnit.configure(autorun: false)
    if helper, do: Code.require_file(helper)
    ExUnit.configure(merge_config(ExUnit.configuration(), config))
    # `file:line` replaces every filter so far, after the helper, as mix's.
    if lines != [], do: ExUnit.configure(exclude: [:test], include: parse(lines))
    Enum.each(tests, &Code.require_file/1)
    # As with mix (whose parallel require registers a module when its file
    # is done), async modules run first, then the last registered first.
    %{failures: failures} = ExUnit.run()
    if failures > 0, do: System.halt(2)
    :ok
  end

  # ExUnit.Filters.parse/1: "key:value" is {:key, "value"}, "key" is :key.
  defp parse(filters) do
    Enum.map(filters, fn filter ->
      case String.split(filter, ":", parts: 2) do
        [key, value] -> {String.to_atom(key), value}
        [key] -> String.to_atom(key)
      end
    end)
  end

  # The command line's options win, but excludes add up with the helper's.
  defp merge_config(current, cli) do
    exclude = Keyword.get(cli, :exclude, []) ++ Keyword.get(current, :exclude, [])
    include =
      case Keyword.get(cli, :include, []) do
        [] -> Keyword.get(current, :include, [])
        given -> given
      end

    current
    |> Keyword.merge(cli)
    |> Keyword.put(:exclude, Enum.uniq(exclude))
    |> Keyword.put(:include, Enum.uniq(include))
  end

  defp compile(_app, []), do: :ok

  defp compile(app, files) do
    n = length(files)
    IO.puts("Compiling #{n} #{if n == 1, do: "file", else: "files"} (.ex)")

    case compile_pass(files, false) do
      :ok ->
        IO.puts("Generated #{app} app")

      {:error, file, kind, reason, stack} ->
        IO.puts(:stderr, "\n== Compilation error in file #{file} ==")
        # Mix shows the error without the compiler's own frames.
        _ = stack
        IO.puts(:stderr, Exception.format_banner(kind, reason))
        System.halt(1)
    end
  end

  # Each pass compiles the files left; one that raises waits for the next
  # pass. A pass that compiled nothing leaves only real errors (or a cycle):
  # the first one is reported.
  defp compile_pass(files, _) do
    {failed, progress} =
      Enum.reduce(files, {[], false}, fn file, {failed, progress} ->
        try do
          Code.compile_file(file)
          {failed, true}
        rescue
          e -> {[{file, :error, e, __STACKTRACE__} | failed], progress}
        catch
          kind, reason -> {[{file, kind, reason, __STACKTRACE__} | failed], progress}
        end
      end)

    failed = Enum.reverse(failed)

    cond do
      failed == [] ->
        :ok

      not progress ->
        {file, kind, reason, stack} = hd(failed)
        {:error, file, kind, reason, stack}

      true ->
        compile_pass(Enum.map(failed, &elem(&1, 0)), true)
    end
  end
end
