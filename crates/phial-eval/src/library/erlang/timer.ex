# :timer's phial half: sleep/1 waits, so it is phial code (Process.sleep).
# Not here: seconds/minutes/hours (timer.rs).
defmodule :timer do
  def sleep(ms), do: Process.sleep(ms)
end
