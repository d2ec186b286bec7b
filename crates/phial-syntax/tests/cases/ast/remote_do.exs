Mod.fun do
  1
end
Mod.fun x do
  x
end
x = Mod.fun do :ok end
if map.key do
  :yes
end
foo Mod.fun do
  :block_goes_to_foo
end
Mod.fun(x) do
  x
end
