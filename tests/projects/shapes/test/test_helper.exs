ExUnit.start(exclude: [:pending])
