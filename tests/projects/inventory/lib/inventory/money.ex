defmodule Inventory.Money do
  def format(cents) when is_integer(cents) do
    euros = div(cents, 100)
    rest = rem(cents, 100) |> Integer.to_string() |> String.pad_leading(2, "0")
    "€#{euros}.#{rest}"
  end
end
