# random.sample after seeds: from lists, ranges (also huge), k == len, k == 0, errors for k too big.
import random

random.seed(31)
print(random.sample(range(100), 10))
print(random.sample(list("abcdefgh"), 3))
print(random.sample(range(10), 10))
print(random.sample([1, 2, 3], 0))
print(random.sample(range(10**12), 4))
print(random.sample(tuple(range(50)), 25))
print(sorted(random.sample(range(30), 30)) == list(range(30)))
population = list(range(40))
s = random.sample(population, 5)
print(s, population[:5])
print(random.sample(["only"], 1), random.sample("xyz", k=2))
print(random.sample(range(100), 5, counts=None))
print(random.sample(["r", "g"], counts=[3, 2], k=5))
try:
    random.sample(range(3), 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    random.sample(range(3), -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    random.sample({1, 2, 3}, 2)
except TypeError as e:
    print(type(e).__name__, e)
