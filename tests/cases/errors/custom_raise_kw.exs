# raise Module, opts and inspect of exceptions
errors = [
  fn -> raise ArgumentError, message: "kw" end,
  fn -> raise KeyError, key: :x end,
  fn -> raise KeyError, "explicit message" end,
  fn -> raise MatchError, term: {1, 2} end,
  fn -> raise CaseClauseError, term: :z end,
  fn -> raise FunctionClauseError end,
  fn -> raise ArithmeticError end,
  fn -> raise UndefinedFunctionError end
]
for f <- errors do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
