# System: argv, environment, directories, commands and their options, clocks
IO.inspect(System.argv())
System.argv(["--flag", "value"])
IO.inspect(System.argv())

IO.puts("-- environment")
System.put_env("PHIAL_IO_T1", "one")
System.put_env([{"PHIAL_IO_T2", "two"}, {"PHIAL_IO_T3", "three"}])
IO.inspect({System.get_env("PHIAL_IO_T1"), System.get_env("PHIAL_IO_T2"), System.fetch_env("PHIAL_IO_T3")})
IO.inspect(Map.take(System.get_env(), ["PHIAL_IO_T1", "PHIAL_IO_T2"]))
System.delete_env("PHIAL_IO_T1")
IO.inspect({System.get_env("PHIAL_IO_T1"), System.get_env("PHIAL_IO_T1", "dflt"), System.fetch_env("PHIAL_IO_T1")})

for f <- [
      fn -> System.fetch_env!("PHIAL_IO_T1") end,
      fn -> System.get_env(:atom) end,
      fn -> System.get_env("PHIAL_IO_T1", :bad) end,
      fn -> System.put_env("PHIAL_IO_T4", 4) end
    ] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.puts("-- directories and facts")
IO.inspect(File.dir?(System.tmp_dir!()))
IO.inspect(System.tmp_dir() == System.tmp_dir!())

IO.inspect(is_binary(System.user_home!()))
IO.inspect(String.to_integer(System.pid()) > 0)
IO.inspect({System.version(), System.otp_release(), System.endianness()})
IO.inspect(is_binary(System.find_executable("sh")))
IO.inspect(System.find_executable("phial-surely-not-a-program"))

IO.puts("-- commands")
IO.inspect(System.cmd("sh", ["-c", "echo $0 $1", "first", "second"]))
IO.inspect(System.cmd("sh", ["-c", "pwd"], cd: "/"))
IO.inspect(System.cmd("sh", ["-c", "echo ${PHIAL_IO_T2:-unset} ${PHIAL_IO_T5:-unset}"], env: [{"PHIAL_IO_T2", nil}, {"PHIAL_IO_T5", "five"}]))
IO.inspect(System.cmd("sh", ["-c", "echo a; echo b >&2; echo c"], stderr_to_stdout: true))
IO.inspect(System.cmd("sh", ["-c", "printf 'x\\ny\\n'"], into: []))
IO.inspect(System.cmd("sh", ["-c", "kill -9 $$"]))
IO.inspect(System.cmd("/bin/sh", ["-c", "exit 7"]))

for f <- [
      fn -> System.cmd("phial-surely-not-a-program", []) end,
      fn -> System.cmd("echo", ["ok", :no]) end,
      fn -> System.cmd(:echo, []) end
    ] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.puts("-- clocks")
t1 = System.monotonic_time(:millisecond)
t2 = System.monotonic_time(:millisecond)
IO.inspect(t2 >= t1)
IO.inspect(abs(System.os_time(:second) - System.system_time(:second)) <= 1)
IO.inspect(System.system_time(:second) > 1_600_000_000)
IO.inspect(is_integer(System.unique_integer()))
