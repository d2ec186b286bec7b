# `:erpc` on phial: `execute_call/4`, what a peer's `:erpc.call` (and so
# OTP 25's `:rpc.call`) spawns here, ending with its outcome as the exit
# reason the caller's monitor reads, in OTP's shapes.
# Not here: calls from phial to other nodes.
defmodule :erpc do
  def execute_call(ref, m, f, a) do
    reply =
      try do
        {ref, :return, apply(m, f, a)}
      catch
        :throw, reason -> {ref, :throw, reason}
        :exit, reason -> {ref, :exit, reason}
        :error, reason -> {ref, :error, reason, trim(__STACKTRACE__)}
      end

    exit(reply)
  end

  # The caller sees the stack of its MFA, without this module's frames.
  defp trim(stack), do: Enum.reject(stack, &match?({:erpc, _, _, _}, &1))
end
