# Inspect as a real protocol, so a program's structs can print themselves,
# with its built-in implementation. The printer (a native) handles every
# built-in type itself and hands a struct with its own implementation to
# :phial_inspect.render/1. Not here: Inspect.Opts, Inspect.Algebra (their
# own units).
defprotocol Inspect do
  @fallback_to_any true
  def inspect(term, opts)
end

defimpl Inspect, for: [Integer, Float, Atom, BitString, List, Tuple, Map, Function, PID, Reference, Any] do
  def inspect(term, opts), do: :phial.to_doc(term, opts)
end
