defmodule Textkit.Token do
  defstruct [:text, :pos]

  defimpl Textkit.Pretty do
    def pretty(%{text: t, pos: p}), do: "#{t}@#{p}"
  end
end
