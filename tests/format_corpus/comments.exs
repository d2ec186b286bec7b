# first
a = 1

# second


b = 2 # trailing
c = [
  # inside
  1,
  2
]
