defmodule Bank.Ledger do
  use GenServer
  alias Bank.Account

  def start_link(opts \\ []), do: GenServer.start_link(__MODULE__, :ok, opts)
  def open(l, id, owner), do: GenServer.call(l, {:open, id, owner})
  def deposit(l, id, amount), do: GenServer.call(l, {:deposit, id, amount})
  def transfer(l, from, to, amount), do: GenServer.call(l, {:transfer, from, to, amount})
  def balance(l, id), do: GenServer.call(l, {:balance, id})

  @impl true
  def init(:ok), do: {:ok, %{}}

  @impl true
  def handle_call({:open, id, owner}, _from, accounts) do
    {:reply, :ok, Map.put(accounts, id, Account.open(id, owner))}
  end

  def handle_call({:deposit, id, amount}, _from, accounts) do
    {:reply, :ok, Map.update!(accounts, id, &Account.deposit(&1, amount))}
  end

  def handle_call({:transfer, from, to, amount}, _from, accounts) do
    try do
      accounts = Map.update!(accounts, from, &Account.withdraw(&1, amount))
      {:reply, :ok, Map.update!(accounts, to, &Account.deposit(&1, amount))}
    rescue
      e in Bank.InsufficientFunds -> {:reply, {:error, Exception.message(e)}, accounts}
    end
  end

  def handle_call({:balance, id}, _from, accounts) do
    {:reply, accounts |> Map.fetch!(id) |> Map.fetch!(:balance), accounts}
  end
end
