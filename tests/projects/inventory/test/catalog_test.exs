defmodule Inventory.CatalogTest do
  use ExUnit.Case, async: true
  alias Inventory.{Catalog, Item}

  setup do
    catalog =
      Catalog.new()
      |> Catalog.add("A-1", "anvil", 12_50)
      |> Catalog.add("B-7", "bucket", 3_05)

    %{catalog: catalog}
  end

  describe "fetch/2" do
    test "finds an item", %{catalog: catalog} do
      assert {:ok, %Item{name: "anvil"}} = Catalog.fetch(catalog, "A-1")
    end

    test "reports a missing one", %{catalog: catalog} do
      assert Catalog.fetch(catalog, "Z-9") == {:error, :not_found}
    end
  end

  describe "total/1" do
    test "sums the prices", %{catalog: catalog} do
      assert Catalog.total(catalog) == 1555
    end

    @tag :slow
    test "of many items" do
      catalog = Enum.reduce(1..200, Catalog.new(), &Catalog.add(&2, &1, "x", &1))
      assert Catalog.total(catalog) == 20_100
    end
  end

  test "describes every item", %{catalog: catalog} do
    assert Catalog.describe_all(catalog) == ["A-1: anvil (€12.50)", "B-7: bucket (€3.05)"]
  end

  test "a discount rounds down" do
    item = Item.discount(%Item{sku: "C", price: 999}, 15)
    assert item.price == 848
  end
end
