Kernel.+(10)
Kernel.-(2)
Kernel./(length(list))
Kernel.*(3)
:erlang.+(1, 2)
Kernel.-(5)
x |> Kernel.+(10) |> Kernel.*(2)
Kernel.+ 1, 2
Kernel.++([1], [2])
Kernel.<>("a", "b")
Kernel.!(true)
&Kernel.+/2
&:erlang.*/2
&+/2
