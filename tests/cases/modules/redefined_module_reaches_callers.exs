# A module redefined while another module calls it: every caller sees the
# new version, through direct calls, captures, apply and a module variable.
defmodule Greeter do
  def hello, do: "hello v1"
end

defmodule Caller do
  def direct, do: Greeter.hello()
  def via_capture, do: (&Greeter.hello/0).()
  def via_apply, do: apply(Greeter, :hello, [])
  def via_variable(m), do: m.hello()

  def all, do: [direct(), via_capture(), via_apply(), via_variable(Greeter)]
end

IO.inspect(Caller.all())

# a call in a loop: the site caches the callee, and the redefinition still
# reaches it
looped = for _ <- 1..3, do: Caller.direct()
IO.inspect(looped)

defmodule Greeter do
  def hello, do: "hello v2"
  def extra, do: :new
end

IO.inspect(Caller.all())
IO.inspect(Greeter.extra())

# a redefinition that drops a function: callers now get UndefinedFunctionError
defmodule Greeter do
  def extra, do: :only_this
end

try do
  Caller.direct()
rescue
  e in UndefinedFunctionError -> IO.puts(Exception.message(e))
end
