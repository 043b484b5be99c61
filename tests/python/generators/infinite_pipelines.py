# Infinite generators composed into lazy pipelines without itertools:
# naturals, filters, take, a prime sieve, and fibonacci.
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
def where(pred, it):
    for x in it:
        if pred(x):
            yield x
def mapped(fn, it):
    for x in it:
        yield fn(x)
print(take(5, naturals()))
print(take(5, mapped(lambda x: x * x, where(lambda x: x % 3 == 0, naturals(1)))))
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(take(15, primes()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(take(15, fib()))
f = fib()
for _ in range(100):
    v = next(f)
print(v)
def running_sum(it):
    total = 0
    for x in it:
        total += x
        yield total
print(take(6, running_sum(naturals(1))))
def cycle(seq):
    while True:
        yield from seq
print(take(7, cycle("abc")))
def pairs(it):
    it = iter(it)
    while True:
        try:
            a = next(it)
            b = next(it)
        except StopIteration:
            return
        yield a, b
print(list(pairs(range(7))))
