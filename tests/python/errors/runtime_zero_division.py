# Uncaught ZeroDivisionError from integer division deep in a call chain.
def ratio(a, b):
    return a // b


def report(n):
    return ratio(n, n - n)


print(report(5))
