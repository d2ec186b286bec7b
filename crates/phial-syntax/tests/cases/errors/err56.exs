v@r
