# An imported sigil_D takes the place of Kernel's; a module's own sigil_T
# does not (Kernel's macro still reads the literal, which fails to compile).
defmodule MySigils do
  def sigil_D(s, mods), do: {:mine, s, mods}
end
defmodule Use do
  import Kernel, except: [sigil_D: 2]
  import MySigils
  def run, do: IO.inspect(~D[not a date]x)
end
Use.run()
defmodule Own do
  def sigil_T(s, _), do: {:own, s}
  def run, do: IO.inspect(~T[whatever])
end
Own.run()
