defmodule Inventory.StockTest do
  use ExUnit.Case
  alias Inventory.Stock

  setup do
    {:ok, pid} = Stock.start_link(%{"A-1" => 3})
    [stock: pid]
  end

  test "takes what is there", %{stock: stock} do
    assert Stock.take(stock, "A-1", 2) == :ok
    assert Stock.count(stock, "A-1") == 1
  end

  test "puts are cast", %{stock: stock} do
    Stock.put(stock, "B-7", 4)
    Stock.put(stock, "B-7", 1)
    assert Stock.count(stock, "B-7") == 5
  end

  @tag :slow
  test "refuses to go below zero", %{stock: stock} do
    assert Stock.take(stock, "A-1", 5) == {:error, {:short, 2}}
  end
end
