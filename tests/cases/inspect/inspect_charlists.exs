# Lists of printable integers print as charlists
for l <- [[97], [97, 98, 99], [9, 10], [7, 8, 11, 12, 13, 27], [32, 126], [127], [31], [0], [955], [128], [233], [97, -1], [97 | 98], [0x1F600], ~c"quote's", [?", ?\\], [?#, ?{, ?}]] do
  IO.puts(inspect(l))
end
IO.inspect('abc', charlists: :as_lists)
IO.inspect([97, 98], charlists: :as_charlists)
