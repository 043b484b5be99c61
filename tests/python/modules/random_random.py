# random.seed(int) then random(): the exact Mersenne Twister sequence for several seeds, incl. big and negative.
import random

for seed in [0, 1, 42, 12345, 2**32, 2**32 - 1, 2**64 + 7, -5, 10**30]:
    random.seed(seed)
    print(seed, [random.random() for _ in range(6)])
random.seed(7)
a = [random.random() for _ in range(100)]
random.seed(7)
b = [random.random() for _ in range(100)]
print(a == b, min(a) >= 0.0, max(a) < 1.0)
print(sum(a))
random.seed(3)
print(random.random(), random.random())
print([round(random.random(), 3) for _ in range(20)])
