# Starred targets with exactly enough values, from strings, generators and
# dict views; the star always produces a list; nested starred targets.
a, *b = "x"
print(repr(a), b, type(b).__name__)
*a, b = (1,)
print(a, b)
a, *b, c = "xy"
print(a, b, c)
def gen():
    yield from range(5)
first, *middle, last = gen()
print(first, middle, last)
x, *y = {"p": 1, "q": 2, "r": 3}.values()
print(x, y)
(a, *b), *c = [1, 2, 3], 4, 5
print(a, b, c)
[a, *b] = range(3)
print(a, b)
*a, = ()
print(a)
head, *_ = "only"
print(head)
try:
    first, *rest, last = iter([42])
except ValueError as e:
    print(type(e).__name__, e)
