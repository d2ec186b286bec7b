# @enforce_keys is checked when a struct is built from its module
defmodule Account do
  @enforce_keys [:owner, :number]
  defstruct [:owner, :number, balance: 0]

  def open(fields), do: struct!(__MODULE__, fields)
end

defmodule Bank do
  def try_open(fields) do
    IO.inspect(Account.open(fields))
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end

  def run do
    try_open(owner: "ann", number: 1)
    try_open(owner: "bo")
    try_open([])
    try_open(owner: "cy", number: 2, colour: :red)
    # struct/2 checks nothing: unknown keys are dropped
    IO.inspect(struct(Account, owner: "di"))
    IO.inspect(Account.__info__(:struct))
  end
end

Bank.run()
