if x do
 1
else
 2
else
 3
end end
