# pow and **: int and float results, negative exponents give floats, zero to negative powers, big ints.
print(pow(2, 10), pow(2, 0), pow(0, 0), pow(-2, 3), pow(-2, 4))
print(pow(2, -1), pow(2, -2), pow(-2, -3), 10 ** -2)
print(pow(2.0, 3), pow(4, 0.5), pow(2, 0.5), pow(-8, 1 / 3) == pow(-8, 1 / 3))
print(pow(2, 100), 3 ** 50, (-3) ** 51)
print(pow(1.5, 2), pow(0.0, 0), pow(0.0, 5))
print(pow(base=2, exp=5), pow(1, 10**10), pow(-1, 10**10 + 1))
print(type(pow(2, 2)).__name__, type(pow(2, -2)).__name__, type(pow(2.0, 2)).__name__)
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2)
print(pow(True, 5), pow(2, True))
for a, b in [(0, -1), (0.0, -1), (0, -2.0)]:
    try:
        pow(a, b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    pow(10.0, 400)
except OverflowError as e:
    print(type(e).__name__)
print(pow(-8, 0.5) == complex(pow(-8, 0.5)), type(pow(-8, 0.5)).__name__)
try:
    pow("2", 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2)
except TypeError as e:
    print(type(e).__name__, e)
