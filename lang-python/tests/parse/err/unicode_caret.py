café = ) + 1
