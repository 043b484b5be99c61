# iter/next: builtin iterators, next with default, exhausted iterators stay exhausted, __iter__ protocol.
it = iter([1, 2, 3])
print(next(it), next(it), next(it))
print(next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.args)
s = iter("ab")
print(next(s), next(s), next(s, "-"))
d = iter({"k1": 1, "k2": 2})
print(next(d), next(d))
print(iter(it) is it, type(iter([])).__name__, type(iter(())).__name__)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(4)))
c = Countdown(2)
print(next(c), next(c), next(c, "over"))


class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i


print(list(OldStyle()), list(iter(OldStyle())))
for bad in [5, None, 3.0]:
    try:
        iter(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)


class BadIter:
    def __iter__(self):
        return 42


try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
