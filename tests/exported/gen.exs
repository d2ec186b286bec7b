# Writes tests/exported/elixir-1.14-functions.txt: every public function of
# the modules below as `Module.name/arity`, from the running Elixir.
#   elixir tests/exported/gen.exs > tests/exported/elixir-1.14-functions.txt
mods = [Enum, Stream, MapSet, Map, List, Keyword, Tuple, Integer, Float, String, Atom, Range, Function, Kernel, Access, Bitwise, Base, Regex, Date, Time, NaiveDateTime, DateTime, Process, GenServer, Supervisor, DynamicSupervisor, Task, Task.Supervisor, Agent, Registry] ++ [Code, Macro, File, Path, IO, System, Exception]
IO.puts("# Public functions of Elixir #{System.version()} (OTP #{System.otp_release()}): Mod.__info__(:functions), sorted.")
IO.puts("# Produced by `elixir tests/exported/gen.exs`; checked by crates/phial-cli/tests/exported.rs.")
for m <- mods, {f, a} <- Enum.sort(m.__info__(:functions)), do: IO.puts("#{inspect(m)}.#{f}/#{a}")
