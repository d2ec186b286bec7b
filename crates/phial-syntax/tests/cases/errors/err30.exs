[if a do 1 end 2]
