# System's phial half: cmd/2,3 and shell/1,2, which wait for the command
# in receive while a thread runs it (:phial_io), so no scheduler thread
# blocks.
# Not here: environment, time, at_exit, halt (system.rs).
defmodule System do
  @moduledoc """
  The world around the program: command-line arguments, environment
  variables, clocks and time units, running other programs, and stopping
  the VM.

      iex> System.convert_time_unit(1, :second, :microsecond)
      1000000
  """

  @doc """
  Runs the executable `command` with the list of string `args`, without a
  shell, and gives `{output, exit_status}`. Options include `cd:`, `env:`,
  `into:` and `stderr_to_stdout: true`.

      iex> System.cmd("echo", ["hello"])
      {"hello\\n", 0}
  """
  def cmd(command, args, opts \\ []) when is_binary(command) and is_list(args) and is_list(opts) do
    unless Enum.all?(args, &is_binary/1) do
      raise ArgumentError, "all arguments for System.cmd/3 must be binaries"
    end

    {into, opts} = Keyword.pop(opts, :into, "")
    ref = :phial_io.start_cmd(command, args, opts)

    receive do
      {:"$phial_io", ^ref, {:error, reason}} ->
        :erlang.error(reason)

      {:"$phial_io", ^ref, {output, status}} ->
        {acc, fun} = Collectable.into(into)
        acc = if output == "", do: acc, else: fun.(acc, {:cont, output})
        {fun.(acc, :done), status}
    end
  end

  # The command line goes to sh as a script of its own, its standard
  # input closed, as Elixir runs it.
  @doc """
  Runs `command` through `sh`, so pipes and redirections work, and gives
  `{output, exit_status}`; takes the options of `cmd/3`.

      iex> System.shell("echo hi")
      {"hi\\n", 0}
  """
  def shell(command, opts \\ []) when is_binary(command) and is_list(opts) do
    if String.contains?(command, <<0>>) do
      raise ArgumentError, "cannot execute System.shell/2 for program with null byte, got: #{inspect(command)}"
    end

    sh = System.find_executable("sh") || :erlang.error(:enoent, [command, opts])
    System.cmd(sh, ["-c", "(#{command}\n) </dev/null"], opts)
  end
end
