# File in a fresh scratch folder: every function family, results and errors
root = Path.join(System.tmp_dir!(), "phial_case_file_ops_#{System.pid()}")
File.mkdir_p!(root)
File.cd!(root)

IO.puts("-- write, read, append, exclusive")
IO.inspect(File.write("a.txt", ["one", ?\s, 'two', "\n"]))
IO.inspect(File.read("a.txt"))
IO.inspect(File.write("a.txt", "three\n", [:append]))
IO.inspect(File.read!("a.txt"))
IO.inspect(File.write("a.txt", "x", [:exclusive]))
IO.inspect(File.write("", "x"))

IO.puts("-- exists?, regular?, dir?")
File.mkdir!("sub")
IO.inspect({File.exists?("a.txt"), File.exists?("sub"), File.exists?("nope")})
IO.inspect({File.regular?("a.txt"), File.regular?("sub"), File.dir?("sub"), File.dir?("a.txt")})

IO.puts("-- stat")
{:ok, st} = File.stat("a.txt")
IO.inspect({st.size, st.type, st.access, is_integer(st.mode), st.links})
IO.inspect(match?({{_, _, _}, {_, _, _}}, st.mtime))
IO.inspect(is_integer(File.stat!("a.txt", time: :posix).mtime))
IO.inspect(File.stat!("sub").type)
IO.inspect(File.lstat("missing"))
IO.inspect(is_struct(st, File.Stat))

IO.puts("-- ls, touch, cp, copy, rename")
File.touch!("sub/empty")
IO.inspect(File.read!("sub/empty"))
IO.inspect(File.cp("a.txt", "sub/b.txt"))
IO.inspect(File.copy("a.txt", "sub/c.txt"))
IO.inspect(File.rename("sub/c.txt", "sub/d.txt"))
IO.inspect(Enum.sort(File.ls!("sub")))
IO.inspect(File.cp("sub", "elsewhere"))
IO.inspect(File.rename("ghost", "x"))

IO.puts("-- open, write, read line by line, close")
{:ok, dev} = File.open("lines.txt", [:write])
IO.write(dev, "alpha\n")
IO.puts(dev, "beta")
IO.binwrite(dev, ["gam", "ma\n"])
:ok = File.close(dev)
{:ok, dev} = File.open("lines.txt")
IO.inspect(IO.read(dev, :line))
IO.inspect(IO.binread(dev, 3))
IO.inspect(IO.read(dev, :eof))
IO.inspect(IO.read(dev, :line))
File.close(dev)
IO.inspect(File.open("lines.txt", [:read], fn d -> IO.read(d, :line) end))
IO.inspect(File.open("no/such/file"))

IO.puts("-- streams")
IO.inspect("lines.txt" |> File.stream!() |> Enum.map(&String.trim/1))
IO.inspect("lines.txt" |> File.stream!([], 4) |> Enum.take(3))
["x\n", "y\n"] |> Enum.into(File.stream!("lines.txt", [:append]))
IO.inspect(File.read!("lines.txt"))
IO.inspect("lines.txt" |> File.stream!() |> Stream.map(&String.upcase/1) |> Enum.at(4))

IO.puts("-- bang errors")

for f <- [
      fn -> File.read!("sub") end,
      fn -> File.mkdir_p!("a.txt/inner") end,
      fn -> File.rmdir!("sub") end,
      fn -> File.cd!("nowhere") end,
      fn -> File.touch!("no/dir/file") end,
      fn -> File.rename!("ghost", "x") end,
      fn -> File.copy!("ghost", "x") end,
      fn -> File.open!("ghost") end,
      fn -> File.stream!("ghost") |> Enum.to_list() end
    ] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.puts("-- reasons")
IO.inspect(Enum.map([:enoent, :eexist, :eisdir, :enotdir, :eacces, :other], &:file.format_error/1))

IO.puts("-- rm and rm_rf")
IO.inspect(File.rm("sub"))
IO.inspect(File.rm("sub/empty"))
IO.inspect(File.rm_rf("nothing here"))
{:ok, removed} = File.rm_rf("sub")
IO.inspect(length(removed))
IO.inspect(File.exists?("sub"))

File.cd!(System.tmp_dir!())
File.rm_rf!(root)
IO.inspect(File.exists?(root), label: "cleaned up")
