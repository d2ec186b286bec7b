# Date.Range as Elixir 1.14 has it: the struct Date.range/2,3 builds.
# Enumerable's implementation for it is in enumerable.ex (the protocol's
# unit), its inspect form (Date.range(first, last, step)) in the printer.
defmodule Date.Range do
  @enforce_keys [:first, :last, :first_in_iso_days, :last_in_iso_days, :step]
  defstruct [:first, :last, :first_in_iso_days, :last_in_iso_days, :step]
end
