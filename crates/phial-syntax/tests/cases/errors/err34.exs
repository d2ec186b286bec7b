receive do
  x
  y -> 1
end
