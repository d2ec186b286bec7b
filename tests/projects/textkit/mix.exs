defmodule Textkit.MixProject do
  use Mix.Project

  def project do
    [
      app: :textkit,
      version: "0.3.0",
      elixir: "~> 1.14",
      deps: []
    ]
  end
end
