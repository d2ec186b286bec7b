# String.normalize/2 in the four forms, and a bad form
for form <- [:nfd, :nfc, :nfkd, :nfkc] do
  IO.inspect({form, String.normalize("Å ﬁ e\u0301", form) |> String.to_charlist()})
end

try do
  String.normalize("a", :nope)
rescue
  e in FunctionClauseError -> IO.puts(Exception.message(e))
end
