# case with no matching clause raises CaseClauseError
for v <- [:c, {1, 2}, "str", [1, 2, 3]] do
  try do
    case v do
      :a -> 1
      :b -> 2
    end
  rescue
    e in CaseClauseError -> IO.puts(Exception.message(e))
  end
end
