# itertools.chain and chain.from_iterable: mixed iterables, laziness, empty inputs, strings flattened once.
from itertools import chain

print(list(chain([1, 2], (3,), "ab", range(2), {"k": 0})), list(chain()), list(chain([], [])))
print(list(chain.from_iterable([[1], [2, 3], []])), list(chain.from_iterable(["ab", "cd"])))
print("".join(chain("abc", "def")), list(chain(*[[i] * i for i in range(4)])))


def gen(n):
    print("start gen", n)
    yield n


ch = chain(gen(1), gen(2))
print("created")
print(next(ch))
print(list(ch))
lazy = chain.from_iterable(gen(i) for i in range(2))
print(list(lazy))
try:
    list(chain([1], 2))
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(chain.from_iterable([1]))
except TypeError as e:
    print(type(e).__name__, e)
nested = [[1, [2]], [[3]]]
print(list(chain.from_iterable(nested)))
print(sum(chain(range(5), range(5))), sorted(chain({3, 1}, {2})))
