defmodule Bank.LedgerTest do
  use ExUnit.Case
  alias Bank.Ledger

  setup do
    {:ok, ledger} = Ledger.start_link()
    :ok = Ledger.open(ledger, :a, "ada")
    :ok = Ledger.open(ledger, :b, "bob")
    :ok = Ledger.deposit(ledger, :a, 100)
    %{ledger: ledger}
  end

  describe "transfer/4" do
    test "moves money", %{ledger: l} do
      assert Ledger.transfer(l, :a, :b, 40) == :ok
      assert {Ledger.balance(l, :a), Ledger.balance(l, :b)} == {60, 40}
    end

    test "refuses an overdraft", %{ledger: l} do
      assert Ledger.transfer(l, :b, :a, 1) == {:error, "insufficient funds: 1 more needed"}
      assert Ledger.balance(l, :a) == 100
    end
  end

  test "statement lines", %{ledger: l} do
    :ok = Ledger.transfer(l, :a, :b, 1)
    lines = [Bank.Statement.line(Bank.Account.open(3, "cy")), Bank.Statement.line({:transfer, :a, :b, 1})]
    assert lines == ["#3 cy: 0", "a -> b: 1"]
  end
end

defmodule Bank.AccountTest do
  use ExUnit.Case
  alias Bank.Account

  setup :fresh

  defp fresh(_context), do: [account: Account.open(1, "ada")]

  test "deposits add up", %{account: acc} do
    acc = acc |> Account.deposit(10) |> Account.deposit(5)
    assert acc.balance == 15
  end

  test "a negative deposit is refused", %{account: acc} do
    assert_raise ArgumentError, "expected a positive amount, got: -3", fn ->
      Account.deposit(acc, -3)
    end
  end

  test "overdrawing raises", %{account: acc} do
    error = assert_raise Bank.InsufficientFunds, fn -> Account.withdraw(acc, 7) end
    assert error.needed == 7
  end

  test "a deposit of three (fails)", %{account: acc} do
    acc = Account.deposit(acc, 3)
    assert acc.balance == 4, "the balance is #{acc.balance}"
  end
end
