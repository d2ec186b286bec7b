defmodule Bank.Account do
  # Validations come from a macro defined in checks.ex (compiled later).
  import Bank.Checks, only: [positive!: 1]

  defstruct id: nil, owner: nil, balance: 0

  def open(id, owner), do: %__MODULE__{id: id, owner: owner}

  def deposit(%__MODULE__{} = acc, amount) do
    positive!(amount)
    %{acc | balance: acc.balance + amount}
  end

  def withdraw(%__MODULE__{balance: b} = acc, amount) do
    positive!(amount)
    if amount > b, do: raise(Bank.InsufficientFunds, needed: amount - b)
    %{acc | balance: b - amount}
  end
end
