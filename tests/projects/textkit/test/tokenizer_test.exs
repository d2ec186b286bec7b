defmodule Textkit.TokenizerTest do
  use ExUnit.Case
  alias Textkit.{Pretty, Token, Tokenizer}

  describe "tokens/1" do
    test "drops stop words" do
      assert Enum.map(Tokenizer.tokens("The Cat sat"), & &1.text) == ["cat", "sat"]
    end

    test "keeps positions" do
      assert [%Token{pos: 1}, %Token{pos: 3}] = Tokenizer.tokens("a dog, a log")
    end
  end

  test "stop words come from the macro" do
    assert Tokenizer.stop_words() == ["the", "a", "an"]
  end

  test "pretty forms" do
    assert Pretty.pretty("hi") == "«hi»"
    assert Pretty.pretty(%Token{text: "x", pos: 0}) == "x@0"
  end

  @tag :external
  test "needs the network" do
    flunk("offline")
  end
end
