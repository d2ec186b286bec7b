# Enum.group_by/2,3
words = ~w(ant bee cat dog eel fox gnu apple bear)
IO.inspect(Enum.group_by(words, &String.length/1))
IO.inspect(Enum.group_by(words, &String.first/1))
IO.inspect(Enum.group_by(1..10, &rem(&1, 3), &(&1 * 10)))
IO.inspect(Enum.group_by([], & &1))
