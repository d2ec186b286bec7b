:ok
:"a b"
:+
:erlang
true
nil
"tab\there"
'abc'
"""
  hello
    world
  """
