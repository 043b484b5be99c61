y = 1elseif y:
    z = 2
