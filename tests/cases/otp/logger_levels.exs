# Logger levels: primary, per module, per process, and which of them
# decides; what is evaluated when a level drops the event.
require Logger
Logger.configure_backend(:console, format: "[$level] $message\n")

defmodule Billing do
  require Logger
  def charge(n), do: Logger.info("charging #{n}")
  def fail(n), do: Logger.error("failed #{n}")
end

defmodule Track do
  def built(tag) do
    send(self(), {:built, tag})
    "built #{tag}"
  end

  def seen do
    receive do
      {:built, tag} -> [tag | seen()]
    after
      0 -> []
    end
  end
end

IO.puts("-- module levels beat the primary level")
Logger.configure(level: :error)
:ok = Logger.put_module_level(Billing, :all)
Billing.charge(1)
Logger.info("top level info is dropped")
Logger.flush()
IO.inspect(Logger.get_module_level([Billing, Track]), label: "module levels")
IO.inspect(Logger.put_module_level([Billing, Track], :bogus), label: "bad module level")
IO.inspect(Logger.put_module_level(Billing, :warn), label: ":warn as a module level")
:ok = Logger.put_module_level([Billing, Track], :warning)
IO.inspect(Logger.get_module_level([Track, Billing]), label: "both")
Billing.charge(2)
Billing.fail(2)
Logger.flush()
:ok = Logger.delete_all_module_levels()
IO.inspect(Logger.get_module_level(Billing), label: "after delete_all")

IO.puts("-- the process level only narrows")
Logger.configure(level: :debug)
:ok = Logger.put_module_level(Billing, :all)
:ok = Logger.put_process_level(self(), :error)
IO.inspect(Logger.get_process_level(self()), label: "process level")
Billing.charge(3)
Billing.fail(3)
Logger.info(fn -> Track.built(:info_under_process_level) end)
Logger.flush()
IO.inspect(Track.seen(), label: "built although the process level drops it")
:ok = Logger.put_process_level(self(), :debug)
Logger.configure(level: :error)
Logger.delete_module_level(Billing)
Logger.info(fn -> Track.built(:info_under_primary) end)
Logger.flush()
IO.inspect(Track.seen(), label: "built under the primary level")
:ok = Logger.delete_process_level(self())
IO.inspect(Logger.get_process_level(self()), label: "process level deleted")

IO.puts("-- :warn is :warning, :all and :none")
Logger.configure(level: :warn)
IO.inspect(Logger.level(), label: ":warn becomes")
Logger.warn("warned")
Logger.flush()
Logger.configure(level: :all)
IO.inspect(Logger.level(), label: "level")
Logger.debug("debug at :all")
Logger.flush()
Logger.configure(level: :none)
Logger.emergency("not even an emergency")
Logger.flush()
IO.inspect(Logger.configure(level: :loud), label: "unknown level")
IO.inspect(Logger.level(), label: "level kept")
IO.inspect(Logger.compare_levels(:warn, :warning), label: "warn vs warning")
IO.inspect(Logger.compare_levels(:emergency, :alert), label: "emergency vs alert")

IO.puts("-- log/2,3 and bare_log with a level chosen at run time")
Logger.configure(level: :info)

for level <- [:debug, :info, :critical] do
  Logger.log(level, "log at #{level}")
end

Logger.bare_log(:alert, fn -> "bare alert" end)
Logger.bare_log(:debug, fn -> Track.built(:bare_debug) end)
Logger.flush()
IO.inspect(Track.seen(), label: "bare_log built")
IO.inspect(Logger.put_application_level(:shop, :info), label: "application level")
