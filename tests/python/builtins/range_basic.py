# range: one, two and three arguments, negative steps, empty ranges, list() and iteration.
print(list(range(5)))
print(list(range(2, 8)))
print(list(range(0, 20, 3)))
print(list(range(10, 0, -1)))
print(list(range(10, 0, -3)))
print(list(range(-5, 5, 2)))
print(list(range(5, 0)))
print(list(range(0, 5, -1)))
print(list(range(0)))
print(list(range(-3)))
print(range(5), range(1, 5), range(1, 5, 2), range(0, -5, -1))
print(repr(range(3)), str(range(2, 3)))
total = 0
for i in range(100):
    total += i
print(total)
print(sum(range(1, 101, 2)))
big = range(10**20, 10**20 + 5)
print(len(big), big[0], big[-1])
print(list(range(True, 3)))
for bad in [(1.0,), ("1",), (1, 2, 0), (None,)]:
    try:
        range(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    range()
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
