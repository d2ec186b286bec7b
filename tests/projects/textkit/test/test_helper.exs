ExUnit.start(exclude: [:external])
