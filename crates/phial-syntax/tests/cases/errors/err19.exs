def f(x) do
  x
end
end
