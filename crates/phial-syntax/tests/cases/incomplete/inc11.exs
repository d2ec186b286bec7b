case x do
  1 ->
