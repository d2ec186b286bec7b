foo bar do
  1
end
if x do a else b end
