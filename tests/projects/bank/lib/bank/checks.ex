defmodule Bank.Checks do
  defmacro positive!(expr) do
    quote do
      value = unquote(expr)

      unless is_integer(value) and value > 0 do
        raise ArgumentError, "expected a positive amount, got: #{inspect(value)}"
      end
    end
  end
end
