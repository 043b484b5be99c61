# The ** operator on ints: exact big results, negative exponents giving floats,
# negative bases, 0 ** 0, three-argument pow with modular inverse, and errors.
print(2 ** 10, 2 ** 100, (-2) ** 3, (-2) ** 4, -2 ** 4)
print(0 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 1001, (-1) ** 1000)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3)
print(type(2 ** -1).__name__, type(2 ** 3).__name__)
print(3 ** 200)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(pow(2, 10), pow(3, 4, 5), pow(2, 100, 1000007), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(7, -1, 11), pow(3, -2, 10), pow(2 ** 70, 5, 13))
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
x = 5
x **= 3
print(x)
x **= 20
print(x)
print(10 ** 50 == int("1" + "0" * 50))
print(True ** 2, False ** 0, 2 ** True)
