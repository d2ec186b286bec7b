defprotocol Textkit.Pretty do
  @doc "A short display form."
  def pretty(value)
end

defimpl Textkit.Pretty, for: BitString do
  def pretty(s), do: "«" <> s <> "»"
end
