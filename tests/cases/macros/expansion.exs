# Macros calling macros, imported macros, and code built from quoted parts.
defmodule Logic do
  defmacro my_and(a, b) do
    quote do
      if unquote(a), do: unquote(b), else: false
    end
  end

  defmacro all_of([one]), do: one

  defmacro all_of([first | rest]) do
    quote do
      Logic.my_and(unquote(first), Logic.all_of(unquote(rest)))
    end
  end

  defmacro times(n, do: body) when is_integer(n) do
    for _ <- 1..n do
      body
    end
    |> then(fn bodies -> {:__block__, [], bodies} end)
  end
end

defmodule Uses do
  require Logic
  import Logic, only: [times: 2]

  def check(x) do
    Logic.all_of([is_integer(x), x > 0, rem(x, 2) == 0])
  end

  def shout do
    times 3 do
      IO.puts("hey")
    end
  end
end

IO.inspect(Enum.map([4, 3, -2, :a], &Uses.check/1))
Uses.shout()

IO.puts("-- expand_once and to_string")

defmodule Expand do
  require Logic

  def show do
    ast = quote do: Logic.my_and(ready?, go())
    IO.puts(Macro.to_string(Macro.expand_once(ast, __ENV__)))
    IO.puts(Macro.to_string(Macro.expand_once(quote(do: Logic.all_of([a, b])), __ENV__)))
  end
end

Expand.show()
IO.inspect(macro_exported?(Logic, :my_and, 2))
IO.inspect(macro_exported?(Logic, :nope, 2))

IO.puts("-- functions generated from data")
defmodule Http do
  for {code, text} <- [ok: 200, not_found: 404, teapot: 418] do
    def status(unquote(code)), do: unquote(text)
    def unquote(:"#{code}?")(n), do: n == unquote(text)
  end
end

IO.inspect({Http.status(:teapot), Http.ok?(200), Http.not_found?(200)})
