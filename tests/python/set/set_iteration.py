# Sets in loops and with builtins: building sets incrementally, dedupe
# while keeping first-seen order via a helper set, and size changes during
# iteration raising RuntimeError.
seen = set()
order = []
for x in [5, 3, 5, 1, 3, 9, 1]:
    if x not in seen:
        seen.add(x)
        order.append(x)
print(order, sorted(seen), len(seen))
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
words = "the quick brown fox jumps over the lazy dog the end".split()
unique = set(words)
print(len(words), len(unique), sorted(unique))
print(sorted(set("mississippi")), sorted(set("hello") & set("world")))
primes = set(range(2, 50))
for i in range(2, 8):
    primes -= set(range(i * i, 50, i))
print(sorted(primes))
print(sum({1, 2, 3}), max({4, 8, 2}), sorted({-1, -5, 3}), any(set()), all(set()))
