try do
  1
rescue
