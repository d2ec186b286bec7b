fn x ->
