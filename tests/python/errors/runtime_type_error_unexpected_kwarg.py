# Uncaught TypeError: an unknown keyword argument.
def f(a):
    return a


f(b=1)
