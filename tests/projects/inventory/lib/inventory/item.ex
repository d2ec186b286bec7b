defmodule Inventory.Item do
  @enforce_keys [:sku]
  defstruct [:sku, name: "", price: 0]

  def discount(%__MODULE__{price: price} = item, percent) when percent in 0..100 do
    %{item | price: div(price * (100 - percent), 100)}
  end
end

defimpl Inventory.Describable, for: Inventory.Item do
  def describe(%{sku: sku, name: name, price: price}) do
    "#{sku}: #{name} (#{Inventory.Money.format(price)})"
  end
end
