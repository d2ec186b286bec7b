# defexception: default message, message/1 and exception/1 overrides,
# raise with fields, rescue by module, and an uncaught one at the end.
defmodule NotFound do
  defexception [:id, message: "not found"]
end

defmodule Overdrawn do
  defexception [:balance, :amount]

  @impl true
  def message(e), do: "cannot take #{e.amount} from #{e.balance}"
end

defmodule Invalid do
  defexception [:field, :message]

  @impl true
  def exception(field) when is_atom(field) do
    %Invalid{field: field, message: "#{field} is invalid"}
  end
end

defmodule Try do
  def run(fun) do
    fun.()
  rescue
    e in NotFound -> {:not_found, e.id, Exception.message(e)}
    e in [Overdrawn, Invalid] -> {e.__struct__, Exception.message(e)}
  end
end

IO.inspect(Try.run(fn -> raise NotFound end))
IO.inspect(Try.run(fn -> raise NotFound, id: 7 end))
IO.inspect(Try.run(fn -> raise NotFound, message: "gone", id: 8 end))
IO.inspect(Try.run(fn -> raise NotFound, "no such thing" end))
IO.inspect(Try.run(fn -> raise Overdrawn, balance: 10, amount: 50 end))
IO.inspect(Try.run(fn -> raise Invalid, :email end))
IO.inspect(NotFound.exception(id: 1))
IO.inspect(Overdrawn.exception(balance: 1, amount: 2))
IO.inspect(Exception.message(Overdrawn.exception(balance: 3, amount: 4)))
IO.inspect(is_exception(NotFound.exception([])))
IO.inspect(NotFound.__info__(:functions))

e = Overdrawn.exception(balance: 0, amount: 1)

try do
  raise e
rescue
  x -> IO.inspect(x == e, label: "same exception")
end

raise Overdrawn, balance: 5, amount: 6
