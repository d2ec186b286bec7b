# Internal (:phial_enum): what the natives call when a value is enumerable
# only through the protocol (a struct's own implementation, a stream
# function). Not for programs.
defmodule :phial_enum do
  # A bitstring generator (`for <<c::8 <- bin>>`): `step` matches the
  # generator's segments off the front and gives `{values, rest}`, or nil
  # when they no longer match.
  def bits_unfold(data, step), do: bits_unfold(data, step, [])

  defp bits_unfold(data, step, acc) do
    case step.(data) do
      {v, rest} -> bits_unfold(rest, step, [v | acc])
      nil -> :lists.reverse(acc)
    end
  end

  def to_list(enum) do
    {_, acc} = Enumerable.reduce(enum, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
    :lists.reverse(acc)
  end

  def count(enum) do
    case Enumerable.count(enum) do
      {:ok, n} -> n
      {:error, _} -> length(to_list(enum))
    end
  end

  def member?(enum, x) do
    case Enumerable.member?(enum, x) do
      {:ok, found} -> found
      {:error, _} -> Enum.any?(enum, fn y -> y === x end)
    end
  end

  def collect(enum, collectable) do
    {initial, fun} = Collectable.into(collectable)
    acc = Enum.reduce(enum, initial, fn x, acc -> fun.(acc, {:cont, x}) end)
    fun.(acc, :done)
  end
end
