# divmod: all sign combinations for ints and floats, big ints, the floor rule, zero division errors.
for a in (7, -7):
    for b in (2, -2):
        print(a, b, divmod(a, b), a // b, a % b)
print(divmod(0, 5), divmod(5, 5), divmod(4, 5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(-7.5, -2))
print(divmod(10**30 + 7, 10**15), divmod(-(10**30), 7))
print(divmod(True, 2), divmod(5, True))
print(divmod(1, 0.3))
print(divmod(-0.0, 1), divmod(0.0, -1))
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    divmod("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod(1 + 2j, 1)
except TypeError as e:
    print(type(e).__name__, e)
