# functools.lru_cache: memoized recursion, cache_info counts, maxsize eviction order, typed, cache_clear, @cache.
from functools import lru_cache, cache

calls = []


@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(calls), fib.cache_info())
print(fib(30), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x


for v in [1, 2, 1, 3, 2, 1, 1]:
    print(v, square(v))
print(square.cache_info())


@lru_cache
def bare(x):
    print("bare miss", x)
    return -x


print(bare(1), bare(1), bare.cache_info().hits)


@lru_cache(typed=True)
def typed(x):
    print("typed miss", repr(x))
    return x


typed(1), typed(1.0), typed(1)
print(typed.cache_info())


@cache
def count_paths(r, c):
    return 1 if r == 0 or c == 0 else count_paths(r - 1, c) + count_paths(r, c - 1)


print(count_paths(16, 16), count_paths.cache_info().currsize)


@lru_cache(maxsize=8)
def kw(a, b=0):
    return a + b


print(kw(1), kw(1, b=2), kw(a=1), kw.cache_info().misses)
try:
    square([1])
except TypeError as e:
    print(type(e).__name__, e)
print(fib.__name__, square.__wrapped__(5))
