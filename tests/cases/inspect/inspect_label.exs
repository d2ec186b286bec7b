# IO.inspect with label:, return value, label not counted in width
v = IO.inspect(42, label: "answer")
IO.inspect(v)
IO.inspect([1, 2, 3], label: "list")
IO.inspect("s", label: :atom_label)
IO.inspect(Enum.to_list(1..30), label: "a long label that is here")
IO.inspect(%{key: "value", other: [1, 2, 3], third: {:a, :b}, fourth: "more text here"}, label: "m")
