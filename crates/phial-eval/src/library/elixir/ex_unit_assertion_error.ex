# ExUnit.AssertionError: the exception a failed assertion raises (its fields
# as Elixir's). Not here: how a failure is printed (ExUnit's formatter).
defmodule ExUnit.AssertionError do
  defexception left: :ex_unit_no_meaningful_value,
               right: :ex_unit_no_meaningful_value,
               message: "Assertion failed",
               expr: :ex_unit_no_meaningful_value,
               args: :ex_unit_no_meaningful_value,
               doctest: :ex_unit_no_meaningful_value,
               context: :==

  def message(exception), do: exception.message
end
