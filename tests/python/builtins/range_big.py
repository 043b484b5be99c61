# Ranges beyond the machine word: indexing and membership work, len() overflows with OverflowError.
r = range(10**20)
print(r[10**19], r[-1], 10**19 in r, -1 in r, r[::10**19], r.count(5), r.index(12345))
try:
    len(r)
except OverflowError as e:
    print(type(e).__name__)
print(bool(r), r == range(0, 10**20, 1), range(-10**30, 0, 10**29)[3])
print(list(range(2**64, 2**64 + 3)), range(2**63 - 2, 2**63 + 2)[2])
print(sum(range(10**6)), len(range(-5, 10**6, 7)))
