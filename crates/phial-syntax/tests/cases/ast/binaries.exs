<<>>
<<1, 2, 3>>
<<x::binary-size(4), rest::bits>>
<<a::8, b::size(8)-unit(4), c::little-signed-integer-32>>
<<"foo", x::utf8, ?a>>
<<h, t::binary>> = s
<<x::binary>> <> <<y>>
<<a <<< 1>>
