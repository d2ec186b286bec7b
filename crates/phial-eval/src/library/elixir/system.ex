# System's phial half: cmd/2,3, which waits for the command in receive
# while a thread runs it (:phial_io), so no scheduler thread blocks.
# Not here: environment, time, at_exit, halt (system.rs).
defmodule System do
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
end
