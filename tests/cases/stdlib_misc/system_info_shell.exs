# System.build_info, convert_time_unit, time_offset, no_halt, schedulers, stacktrace, shell/1,2 and its options
info = System.build_info()
IO.inspect Map.keys(info)
IO.inspect info.version == System.version()
IO.inspect info.otp_release == System.otp_release()
IO.inspect String.starts_with?(info.build, System.version() <> " (compiled with Erlang/OTP ")
IO.inspect System.convert_time_unit(1, :second, :millisecond)
IO.inspect System.convert_time_unit(1500, :millisecond, :second)
IO.inspect System.convert_time_unit(-1500, :millisecond, :second)
IO.inspect System.convert_time_unit(3, 1000, 7)
IO.inspect System.convert_time_unit(2, :second, :native) == System.convert_time_unit(2000, :millisecond, :native)
IO.inspect System.get_pid() == System.pid()
IO.inspect System.schedulers() >= System.schedulers_online()
IO.inspect System.no_halt()
IO.inspect System.no_halt(false)
IO.inspect System.no_halt()
IO.inspect is_integer(System.time_offset())
IO.inspect abs(System.monotonic_time() + System.time_offset() - System.system_time()) < System.convert_time_unit(1, :second, :native)
IO.inspect abs(System.time_offset(:second) - System.convert_time_unit(System.time_offset(), :native, :second)) <= 1
IO.inspect System.stacktrace()
IO.inspect System.shell("echo hello; echo $((1 + 2))")
IO.inspect System.shell("exit 3")
IO.inspect System.shell("echo out; echo err >&2", stderr_to_stdout: true)
IO.inspect System.shell("echo $PHIAL_T", env: [{"PHIAL_T", "set"}])
IO.inspect System.shell("pwd", cd: "/")
IO.inspect System.shell("cat")
IO.inspect System.shell("printf 'a\\nb\\n'", into: [])
try do
  System.shell("echo \0")
rescue
  e -> IO.inspect e
end
