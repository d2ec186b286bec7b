a = b = = c
