defprotocol Inventory.Describable do
  @doc "A one-line human description of a value."
  def describe(value)
end
