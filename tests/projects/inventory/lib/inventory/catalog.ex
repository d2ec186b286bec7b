defmodule Inventory.Catalog do
  @moduledoc "A catalog of items keyed by SKU; builds Inventory.Item structs."
  alias Inventory.Item

  def new, do: %{}

  def add(catalog, sku, name, price) when is_integer(price) and price >= 0 do
    Map.put(catalog, sku, %Item{sku: sku, name: name, price: price})
  end

  def fetch(catalog, sku) do
    case Map.fetch(catalog, sku) do
      {:ok, %Item{} = item} -> {:ok, item}
      :error -> {:error, :not_found}
    end
  end

  def total(catalog) do
    catalog |> Map.values() |> Enum.map(& &1.price) |> Enum.sum()
  end

  def describe_all(catalog) do
    catalog
    |> Map.values()
    |> Enum.sort_by(& &1.sku)
    |> Enum.map(&Inventory.Describable.describe/1)
  end
end
