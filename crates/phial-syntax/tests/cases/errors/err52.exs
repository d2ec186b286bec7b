<<x::binary-size(4) rest::bits>>
