defmodule Todo.MixProject do
  use Mix.Project

  def project do
    [app: :todo, version: "0.0.1", elixir: "~> 1.14"]
  end
end
