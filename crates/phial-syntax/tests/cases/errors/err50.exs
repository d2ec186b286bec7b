x = case 1 do
  _ -> 2
end 3
