# Logger's console backend: formats without a timestamp, metadata keys and
# how each kind of value prints, reports, chardata, lazy messages with
# their own metadata, truncation, the backend's own level and removal.
require Logger

Logger.configure_backend(:console,
  format: "$level|$metadata|$message\n",
  metadata: [:user, :count, :ratio, :mod, :day, :skipped, :list, :domain]
)

defmodule Shop do
  require Logger

  def checkout(user, n) do
    Logger.metadata(user: user)
    Logger.info("checking out #{n} items", count: n)
    Logger.reset_metadata()
  end
end

Shop.checkout("ann", 3)
Logger.warning("floats and modules", ratio: 0.25, mod: Enum.Map, skipped: nil)
Logger.notice("structs use String.Chars", day: ~D[2024-02-29], list: [1, 2])
Logger.error(%{b: 2, a: 1})
Logger.error([code: 500, reason: :timeout])
Logger.info(["iodata ", ?x, [" and ", "nested"], 0x3BB])
Logger.debug(fn -> {"built lazily", [user: "lazy"]} end)
Logger.flush()
IO.puts("-- node and levelpad-free formats")
:ok = Logger.configure_backend(:console, format: "<$node> [$level] $message\n", metadata: [])
Logger.info("on a node")
Logger.flush()

IO.puts("-- truncation")
Logger.configure(truncate: 12)
Logger.info("0123456789abcdefghij")
Logger.info("short")
Logger.configure(truncate: :infinity)
Logger.info(String.duplicate("long ", 4))
Logger.flush()

IO.puts("-- the backend's own level")
Logger.configure_backend(:console, level: :warning)
Logger.info("below the backend level")
Logger.error("above the backend level")
Logger.configure_backend(:console, level: nil)
Logger.info("no backend level")
Logger.flush()

IO.puts("-- removing and adding the console")
IO.inspect(Logger.remove_backend(:console), label: "remove")
Logger.error("nobody prints this")
IO.inspect(Logger.remove_backend(:console), label: "remove again")
IO.inspect(Logger.configure_backend(:console, []), label: "configure while removed")
{:ok, _} = Logger.add_backend(:console)
IO.inspect(Logger.add_backend(:console), label: "add again")
Logger.error("printed again")
Logger.flush()
IO.inspect(Logger.configure_backend(:other, []), label: "unknown backend")
