# to_string and interpolation of a struct with and without String.Chars
defmodule Money do
  defstruct cents: 0

  defimpl String.Chars do
    def to_string(%Money{cents: c}), do: "$#{div(c, 100)}.#{rem(c, 100)}"
  end
end

defmodule Bare do
  defstruct [:x]
end

defmodule Main do
  def run do
    m = %Money{cents: 1234}
    IO.puts(m)
    IO.puts("price #{m}")
    IO.inspect(to_string(m))
    IO.inspect(String.Chars.to_string(m))
    IO.inspect(String.Chars.to_string(12))
    IO.inspect(Enum.join([m, m], ", "))
    IO.inspect(String.Chars.impl_for(m))

    for bad <- [%Bare{x: 1}, {1, 2}] do
      try do
        "#{bad}"
      rescue
        e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
      end
    end
  end
end

Main.run()
