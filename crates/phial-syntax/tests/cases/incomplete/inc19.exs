f a,
