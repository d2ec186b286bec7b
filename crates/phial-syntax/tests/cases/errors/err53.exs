fn () when -> 1 end
