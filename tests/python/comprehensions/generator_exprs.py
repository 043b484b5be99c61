# Generator expressions: lazy (nothing runs until iterated), single-use,
# the first iterable evaluated eagerly, as sole argument without extra
# parentheses, and with sum/any/all/min/max short-circuiting.
log = []
def noisy(x):
    log.append(x)
    return x
g = (noisy(x) for x in range(5))
print(log, type(g).__name__)
print(next(g), log)
print(list(g), log)
print(list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]), min((x for x in [3, 1, 2]), default=0))
log.clear()
print(any(noisy(x) > 2 for x in range(10)), log)
log.clear()
print(all(noisy(x) < 2 for x in range(10)), log)
def src():
    print("  building source")
    return [1, 2, 3]
gen = (x for x in src())
print("created")
print(list(gen))
try:
    bad = (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
lazy_err = (1 // x for x in [1, 0])
print(next(lazy_err))
try:
    next(lazy_err)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(sorted(x % 5 for x in range(12)), ",".join(str(i) for i in range(5)), tuple(c for c in "abc"))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
