# Uncaught TypeError: adding None (a function without return) to an int.
def compute():
    x = 2 * 21


print(compute() + 1)
