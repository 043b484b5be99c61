# random.randrange and randint after integer seeds: exact values for small, large and negative ranges.
import random

random.seed(2024)
print([random.randint(1, 6) for _ in range(30)])
print([random.randrange(10) for _ in range(30)])
print([random.randrange(5, 50, 5) for _ in range(20)])
print([random.randrange(100, 0, -7) for _ in range(20)])
print([random.randint(-1000, 1000) for _ in range(15)])
print([random.randint(0, 2**40) for _ in range(5)])
print([random.randrange(10**30) for _ in range(3)])
print([random.randint(7, 7) for _ in range(3)])
random.seed(99)
print([random.randrange(2) for _ in range(40)])
print([random.randrange(3, 4) for _ in range(3)])
for args in [(0,), (5, 5), (10, 1), (1, 10, 0)]:
    try:
        random.randrange(*args)
    except ValueError as e:
        print(args, type(e).__name__)
try:
    random.randint(5, 1)
except ValueError as e:
    print(type(e).__name__)
