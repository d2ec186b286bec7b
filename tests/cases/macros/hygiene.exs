# Hygiene: a macro's variables never meet the caller's, var! reaches them
# on purpose, and each expansion gets variables of its own.
defmodule Vars do
  defmacro hidden_assign(value) do
    quote do
      result = unquote(value)
      result * 2
    end
  end

  defmacro visible_assign(name, value) do
    quote do
      var!(unquote(name)) = unquote(value)
    end
  end

  defmacro counter_twice do
    quote do
      n = 1
      n = n + 1
      n
    end
  end

  defmacro swap(a, b) do
    quote bind_quoted: [a: a, b: b] do
      {b, a}
    end
  end
end

defmodule UseVars do
  require Vars

  def run do
    result = :mine
    doubled = Vars.hidden_assign(21)
    IO.inspect({result, doubled}, label: "caller keeps its result")

    Vars.visible_assign(greeting, "hello")
    IO.inspect(greeting, label: "var! binds in the caller")

    first = Vars.counter_twice()
    second = Vars.counter_twice()
    IO.inspect({first, second}, label: "each expansion on its own")

    IO.inspect(Vars.swap(1 + 1, :b), label: "bind_quoted")
  end
end

UseVars.run()

IO.puts("-- nested quote and unquote")
inner = quote do: x + 1
outer = quote do: unquote(inner) * 2
IO.inspect(outer)
IO.puts(Macro.to_string(outer))

args = [1, 2, 3]
call = quote do: sum(unquote_splicing(args), 4)
IO.inspect(call)
list = quote do: [0, unquote_splicing(args)]
IO.inspect(list)

IO.puts("-- quote unquote: false keeps unquote as a call")
IO.inspect(quote(unquote: false, do: unquote(x)))
