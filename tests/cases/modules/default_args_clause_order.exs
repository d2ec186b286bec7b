# A function with defaults beside clauses of a shorter arity: the clause the
# defaults add comes after the clauses written before them, as in Elixir.
defmodule Starter do
  def start(children, opts) when is_list(children), do: {:children, children, opts}
  def start(mod, arg, opts \\ []) when is_list(opts), do: {:module, mod, arg, opts}

  # Several defaults, ending in arities that have clauses of their own.
  def pick(:none), do: :nothing
  def pick(a, b) when is_integer(a) and is_integer(b), do: {:sum, a + b}
  def pick(a, b \\ :b, c \\ :c), do: {a, b, c}
end

IO.inspect(Starter.start([:a], name: :x))
IO.inspect(Starter.start(Mod, :arg))
IO.inspect(Starter.start(Mod, :arg, name: :y))
IO.inspect(Starter.pick(:none))
IO.inspect(Starter.pick(:some))
IO.inspect(Starter.pick(1, 2))
IO.inspect(Starter.pick(1, :two))
IO.inspect(Starter.pick(1, 2, 3))

defmodule Private do
  defp go(x) when x > 10, do: {:big, x}
  defp go(x, step \\ 1), do: {:step, x, step}
  def run(xs), do: Enum.map(xs, &go/1)
end

IO.inspect(Private.run([5, 50]))
IO.inspect(function_exported?(Private, :go, 1))

# Clauses of an arity that earlier defaults already cover do not compile.
Code.eval_string("""
defmodule Late do
  def f(a, b \\\\ 0), do: {a, b}
  def f(a), do: a
end
""")
