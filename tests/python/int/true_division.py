# True division of ints: always a float, correctly rounded even for huge
# operands, and the errors for zero and overflow.
print(1 / 2, 7 / 7, -7 / 2, 10 / 4, 1 / 3, 2 / 3, 0 / 5, 0 / -5)
print(10 ** 30 / 10 ** 10, (10 ** 30 + 1) / 10 ** 30, 2 ** 1000 / 2 ** 999)
print(1 / 10 ** 300, 10 ** 300 / 10 ** 600)
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 / 10 ** 399)
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1 / False
except ZeroDivisionError as e:
    print(type(e).__name__, e)
x = 9
x /= 2
print(x, type(x).__name__)
print(True / 2, 3 / True)
