# @fallback_to_any with an Any implementation, and @derive
defprotocol Blank do
  @fallback_to_any true
  def blank?(data)
end

defimpl Blank, for: List do
  def blank?([]), do: true
  def blank?(_), do: false
end

defimpl Blank, for: Any do
  def blank?(_), do: false
end

defprotocol Tag do
  def tag(data)
end

defimpl Tag, for: Any do
  def tag(data), do: {:tagged, data.__struct__}
end

defmodule Plain do
  defstruct [:a]
end

defmodule Derived do
  @derive [Tag]
  defstruct [:a]
end

defmodule Main do
  def run do
    IO.inspect(Enum.map([[], [1], 0, "", %Plain{}], &Blank.blank?/1))
    IO.inspect(Blank.impl_for(7))
    IO.inspect(Tag.tag(%Derived{}))
    IO.inspect(Tag.impl_for(%Derived{}))
    IO.inspect(Tag.impl_for(%Plain{}))

    try do
      Tag.tag(%Plain{})
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
