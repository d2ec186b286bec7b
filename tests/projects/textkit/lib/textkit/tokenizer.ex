defmodule Textkit.Tokenizer do
  # Textkit.Words is in words.ex, which sorts after this file.
  import Textkit.Words

  @stop lower_words("The A An")

  def tokens(text) do
    text
    |> String.downcase()
    |> String.split(~r/[^a-z']+/, trim: true)
    |> Enum.with_index()
    |> Enum.reject(fn {w, _} -> w in @stop end)
    |> Enum.map(fn {w, i} -> %Textkit.Token{text: w, pos: i} end)
  end

  def stop_words, do: @stop
end
