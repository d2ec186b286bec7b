# use calls __using__; @before_compile sees the module's attributes and
# definitions; defoverridable lets a module replace what use gave it.
defmodule Plugin do
  defmacro __using__(opts) do
    name = Keyword.get(opts, :name, "plugin")

    quote do
      Module.register_attribute(__MODULE__, :hooks, accumulate: true)
      @before_compile Plugin
      import Plugin, only: [hook: 1]
      def name, do: unquote(name)
      def describe, do: "plugin " <> name()
      defoverridable describe: 0
    end
  end

  defmacro hook(event) do
    quote do
      @hooks unquote(event)
    end
  end

  defmacro __before_compile__(env) do
    hooks = Module.get_attribute(env.module, :hooks)
    defs = Module.definitions_in(env.module, :def) |> Enum.sort()

    quote do
      def hooks, do: unquote(Enum.reverse(hooks))
      def defined_before, do: unquote(defs)
    end
  end
end

defmodule Audit do
  use Plugin, name: "audit"

  hook(:start)
  hook(:stop)

  def describe, do: "custom " <> super()
  def extra, do: :ok
end

IO.inspect(Audit.name())
IO.puts(Audit.describe())
IO.inspect(Audit.hooks())
IO.inspect(Audit.defined_before())
