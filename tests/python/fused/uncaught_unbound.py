# An unbound local as the second of two loads, uncaught: the traceback's
# last line is the unfused instruction's error.


def f():
    a = 1
    print(a, b)
    b = 2


f()
