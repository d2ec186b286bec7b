defmodule Bank.InsufficientFunds do
  defexception [:needed]

  @impl true
  def message(%{needed: n}), do: "insufficient funds: #{n} more needed"
end
