if true do
  1 + )
end
