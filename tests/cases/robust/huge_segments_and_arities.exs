# Sizes and arities past what the BEAM can build are errors, never an
# allocation: a segment size past 2^59 bits is a SystemLimitError naming it,
# a capture past 255 arguments is a CompileError.
defmodule Seg do
  def int(n), do: <<5::size(n)>>
  def bytes(n), do: <<5::size(n)-unit(8)>>
end

report = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

report.(fn -> byte_size(Seg.int(9_223_372_036_854_775_807)) end)
report.(fn -> byte_size(Seg.int(2 ** 64)) end)
report.(fn -> byte_size(Seg.int(2 ** 60)) end)
report.(fn -> byte_size(Seg.bytes(2 ** 60)) end)
report.(fn -> byte_size(Seg.int(8_000)) end)
n = 2 ** 61
report.(fn -> <<5::size(n)>> end)
report.(fn -> <<1::9_223_372_036_854_775_807>> end)
report.(fn -> Code.eval_string("&String.capitalize/256") end)
report.(fn -> Code.eval_string("&String.capitalize/9_223_372_036_854_775_807") end)
report.(fn -> Code.eval_string("&(&256 + 1)") end)
report.(fn -> Code.eval_string("&{&1, &256}") end)
report.(fn -> Function.capture(String, :capitalize, -1) end)
report.(fn -> Code.eval_string("&String.capitalize/255") |> elem(0) |> Function.info(:arity) end)
report.(fn -> Function.capture(String, :capitalize, 256) end)
