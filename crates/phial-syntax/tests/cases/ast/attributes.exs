@name
@name 1
@moduledoc """
Doc
"""
@x [1, 2]
@x[1]
