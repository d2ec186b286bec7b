defmodule Textkit.Words do
  # Lower-cased words of a literal, split at compile time.
  defmacro lower_words(text) when is_binary(text) do
    text |> String.downcase() |> String.split() |> Macro.escape()
  end
end
