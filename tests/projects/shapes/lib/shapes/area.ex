defprotocol Shapes.Area do
  @fallback_to_any true
  def area(shape)
end

defimpl Shapes.Area, for: Any do
  def area(_), do: 0
end
