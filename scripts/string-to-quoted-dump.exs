# Writes `inspect(Code.string_to_quoted!(source))` of every .ex/.exs file
# under DIR into OUT (one file each, same relative path plus .quoted).
# Run it with elixir and with phial, then compare the two folders
# (scripts/compare-string-to-quoted does both).
[dir, out] = System.argv()

files =
  Path.wildcard(Path.join(dir, "**/*.{ex,exs}"))
  |> Enum.sort()

for file <- files do
  rel = Path.relative_to(file, dir)
  target = Path.join(out, rel <> ".quoted")
  File.mkdir_p!(Path.dirname(target))

  text =
    case Code.string_to_quoted(File.read!(file)) do
      {:ok, quoted} -> inspect(quoted, limit: :infinity, printable_limit: :infinity)
      {:error, _} -> "error"
    end

  File.write!(target, text)
end

IO.puts("#{length(files)} files")
