x = ~x
