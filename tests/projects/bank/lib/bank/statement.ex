defprotocol Bank.Statement do
  def line(entry)
end

defimpl Bank.Statement, for: Bank.Account do
  def line(%{id: id, owner: owner, balance: b}), do: "##{id} #{owner}: #{b}"
end

defimpl Bank.Statement, for: Tuple do
  def line({:transfer, from, to, amount}), do: "#{from} -> #{to}: #{amount}"
end
