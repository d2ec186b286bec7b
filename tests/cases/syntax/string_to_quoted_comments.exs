# Code.string_to_quoted_with_comments/1 and !/1: comment positions and newline counts, never a # inside strings, sigils, heredocs or char literals
src = """
# head
a = 1 # trailing
s = "not # a comment"
c = ?#


  # indented


b = ~s(# no) <> 'x#'
h = \"""
# inside heredoc
\"""
# last
"""
IO.inspect Code.string_to_quoted_with_comments(src)
IO.inspect Code.string_to_quoted_with_comments!("1 + 2 # x")
IO.inspect Code.string_to_quoted_with_comments("1 +")
IO.inspect Code.string_to_quoted_with_comments("#only")
for s <- ["\n\n# x\n1", "# a\n# b\n\n# c\n1", "1\n# a\n\n\n", "x = [\n  1, # one\n  2\n]", "\"#{1} # no\" # yes", "a # b\r\nc", "é = 1 # ü\n", "~r/#x/ # r\n~w[a #b] # w", "'''\n#q\n''' # after", "?\\# # c", "1 + # dangling\n  2"] do
  {:ok, _, c} = Code.string_to_quoted_with_comments(s)
  IO.inspect Enum.map(c, &{&1.line, &1.column, &1.previous_eol_count, &1.next_eol_count, &1.text})
end
