# Path on literal paths, then wildcard over a scratch folder
for p <- ["", "/", "a", "a/", "a//b", "/a", "//a//b//", ".ex", "a/.ex", "x.", "..", "a/..", ".a.b", "~/x"] do
  IO.inspect({p, Path.basename(p), Path.dirname(p), Path.extname(p), Path.rootname(p), Path.split(p)})
  IO.inspect({Path.basename(p, ".ex"), Path.rootname(p, ".ex"), Path.type(p)})
end

IO.puts("-- join")
IO.inspect([Path.join("", ""), Path.join("a", ""), Path.join("", "b"), Path.join("/", "b")])
IO.inspect([Path.join("a/", "b/"), Path.join("a//", "//b//"), Path.join(["a"]), Path.join("a", "/")])
IO.inspect(Path.join(['ch', "ar", ['li', "st"]]))
IO.inspect(Path.join(["/", "usr", "local/", "bin"]))

IO.puts("-- absname, expand, relative")
IO.inspect([Path.absname("x", "y"), Path.absname("/x/../y", "/z"), Path.absname("./a/./b/", "/r")])
IO.inspect([Path.expand("/.."), Path.expand("/a/./b/"), Path.expand("a//b", "/"), Path.expand("../../x", "/a")])
IO.inspect(Path.expand("~") == System.user_home!())
IO.inspect(Path.expand("~/notes") == Path.join(System.user_home!(), "notes"))
IO.inspect(Path.absname("rel") == Path.join(File.cwd!(), "rel"))
IO.inspect([Path.relative("/a/b"), Path.relative("a"), Path.relative("/")])
IO.inspect([Path.relative_to("/a/b", "/a/b"), Path.relative_to("a/b", "a"), Path.relative_to("/a/b/", "/a/")])
IO.inspect([Path.relative_to("/a/b", "/a/c"), Path.relative_to("a", "/a")])
IO.inspect(Path.relative_to_cwd(Path.join(File.cwd!(), "in/here")))
IO.inspect([Path.safe_relative("a/../b"), Path.safe_relative("../x"), Path.safe_relative("/abs")])

IO.puts("-- wildcard")
root = Path.join(System.tmp_dir!(), "phial_case_path_#{System.pid()}")
File.rm_rf!(root)

for f <- ["a.ex", "b.exs", "c.txt", ".hidden.ex", "lib/x.ex", "lib/deep/y.ex", "lib/deep/z.md"] do
  full = Path.join(root, f)
  File.mkdir_p!(Path.dirname(full))
  File.write!(full, "")
end

rel = fn list -> Enum.map(list, &Path.relative_to(&1, root)) end
IO.inspect(rel.(Path.wildcard(Path.join(root, "*.ex"))))
IO.inspect(rel.(Path.wildcard(Path.join(root, "*.ex"), match_dot: true)))
IO.inspect(rel.(Path.wildcard(Path.join(root, "**/*.ex"))))
IO.inspect(rel.(Path.wildcard(Path.join(root, "*.{ex,exs}"))))
IO.inspect(rel.(Path.wildcard(Path.join(root, "?.txt"))))
IO.inspect(rel.(Path.wildcard(Path.join(root, "lib/*"))))
IO.inspect(Path.wildcard(Path.join(root, "nothing*")))
File.rm_rf!(root)

IO.puts("-- bad arguments")

for f <- [fn -> Path.basename(:atom) end, fn -> Path.join([]) end, fn -> Path.wildcard("a\0b") end] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
