# Uncaught UnboundLocalError: a local read before its assignment shadows the global.
count = 0


def increment():
    count += 1


increment()
