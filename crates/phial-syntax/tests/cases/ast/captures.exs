&Mod.fun/2
&fun/1
&(&1 + 1)
&{&1, &2}
f = &String.upcase/1
