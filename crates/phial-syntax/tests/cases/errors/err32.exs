x = when
