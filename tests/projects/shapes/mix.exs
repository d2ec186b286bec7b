defmodule Shapes.MixProject do
  use Mix.Project

  def project do
    [app: :shapes, version: "0.2.0", elixir: "~> 1.14", deps: []]
  end
end
