# Multi-line function bodies, private helpers, pipelines inside modules
defmodule Stats do
  def summary(list) do
    n = length(list)
    mean = sum(list) / n
    %{n: n, mean: mean, min: Enum.min(list), max: Enum.max(list), var: variance(list, mean)}
  end

  defp sum(list), do: Enum.reduce(list, 0, &+/2)

  defp variance(list, mean) do
    list
    |> Enum.map(fn x -> (x - mean) * (x - mean) end)
    |> sum()
    |> Kernel./(length(list))
  end
end
IO.inspect(Stats.summary([2, 4, 4, 4, 5, 5, 7, 9]))
IO.inspect(Stats.summary([1]))
