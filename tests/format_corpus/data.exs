map = %{name: "x", age: 3, tags: [:a, :b]}
updated = %{map | age: 4}
kw = [one: 1, two: 2, "three four": 3]
bin = <<1, 2, x::8, rest::binary>>
tuple = {:ok, {1, 2}, [3, 4]}
