# Process's phial half: waiting, a receive with only an `after`, so the
# process parks. Not here: every other Process function (process.rs).
defmodule Process do
  def sleep(:infinity) do
    receive do
    after
      :infinity -> :ok
    end
  end

  def sleep(ms) when is_integer(ms) and ms >= 0 do
    receive do
    after
      ms -> :ok
    end
  end
end
