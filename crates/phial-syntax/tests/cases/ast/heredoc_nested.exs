x = """
  a\
  b
  c
  """
IO.inspect(x)
IO.inspect("""
  1
  #{"""
  2
  """}
  """)
