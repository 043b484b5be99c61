x = 1
i{x:}
