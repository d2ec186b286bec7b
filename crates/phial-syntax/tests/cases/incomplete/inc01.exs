if x do
