# Memoized recursion three ways (dict cache in a closure, a decorator, a
# class with __call__) on fibonacci, partitions, edit distance and
# longest common subsequence, with call counts showing the savings.
def memoize(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            wrapper.misses += 1
            cache[args] = fn(*args)
        else:
            wrapper.hits += 1
        return cache[args]
    wrapper.hits = wrapper.misses = 0
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(200), fib.hits, fib.misses)
@memoize
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)
print([partitions(n, n) for n in range(1, 16)], partitions(100, 100))
class EditDistance:
    def __init__(self, a, b):
        self.a, self.b = a, b
        self.memo = {}
        self.calls = 0
    def __call__(self, i, j):
        self.calls += 1
        if (i, j) in self.memo:
            return self.memo[i, j]
        if i == 0 or j == 0:
            result = i + j
        elif self.a[i - 1] == self.b[j - 1]:
            result = self(i - 1, j - 1)
        else:
            result = 1 + min(self(i - 1, j), self(i, j - 1), self(i - 1, j - 1))
        self.memo[i, j] = result
        return result
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("intention", "execution")]:
    ed = EditDistance(a, b)
    print(a, b, ed(len(a), len(b)), ed.calls)
def lcs(a, b):
    cache = {}
    def go(i, j):
        if i == len(a) or j == len(b):
            return ""
        if (i, j) not in cache:
            if a[i] == b[j]:
                cache[i, j] = a[i] + go(i + 1, j + 1)
            else:
                x, y = go(i + 1, j), go(i, j + 1)
                cache[i, j] = x if len(x) >= len(y) else y
        return cache[i, j]
    return go(0, 0)
print(lcs("AGGTAB", "GXTXAYB"), lcs("programming", "gaming"), repr(lcs("abc", "xyz")))
