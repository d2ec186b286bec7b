# Macro.dbg/3 (values and pipelines, location headers at top level, in a module, in a function) and Macro.__dbg__/3 with its options
q = Macro.dbg(quote(do: 1 + 2), [], __ENV__)
IO.inspect elem(Code.eval_quoted(q), 0)
IO.inspect Macro.__dbg__("[hdr]", {:value, "x + 1", 5}, [])
IO.inspect Macro.__dbg__("[hdr]", {:pipe, ["[1, 2]", "Enum.map(&(&1 * 2))"], [[1, 2], [2, 4]]}, print_location: false)
{r, _} = Code.eval_quoted(Macro.dbg(quote(do: [3, 1, 2] |> Enum.sort() |> Enum.map(&(&1 * 10))), [], __ENV__))
IO.inspect r
defmodule D do
  def f(env), do: Macro.dbg(quote(do: :ok), [width: 10], env)
end
IO.inspect D.f(__ENV__) |> Macro.to_string() |> String.contains?("__dbg__")
defmodule E do
  def g(env), do: Macro.dbg(quote(do: :ok), [], env)
  def h do
    {r, _} = Code.eval_quoted(g(__ENV__))
    r
  end
end
IO.inspect E.h()
IO.inspect Macro.__dbg__("[x]", {:value, "big", Enum.to_list(1..40)}, [])
IO.inspect Macro.__dbg__("[x]", {:value, "big", Enum.to_list(1..40)}, width: 20, limit: 5)
