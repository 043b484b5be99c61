# functools.reduce: with and without initializer, empty sequences, order of application, errors.
from functools import reduce
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [1, 2, 3, 4], 100), reduce(operator.mul, range(1, 6)))
print(reduce(lambda a, b: a + [b], [1, 2, 3], []), reduce(lambda a, b: b + a, "abc"), reduce(max, [3, 9, 2]))
print(reduce(operator.add, [], 0), reduce(operator.add, [5]), reduce(operator.add, [], "init"))
print(reduce(lambda acc, x: acc * 10 + x, [1, 2, 3]), reduce(operator.or_, [{1}, {2}, {3}]))
steps = []
reduce(lambda a, b: steps.append((a, b)) or a + b, range(5))
print(steps)
try:
    reduce(operator.add, [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    reduce(operator.add, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    reduce(operator.add)
except TypeError as e:
    print(type(e).__name__, e)
print(reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))
