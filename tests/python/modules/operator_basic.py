# operator: arithmetic, comparison, logical and sequence functions as first-class callables.
import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(-7, 2), op.mod(-7, 2), op.pow(2, 8))
print(op.neg(5), op.pos(-5), op.abs(-5), op.invert(5), op.lshift(1, 10), op.rshift(1024, 3))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt("b", "a"), op.ge([1], [1, 0]))
print(op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("xyz", "z"))
lst = [1, 2, 3]
op.setitem(lst, 0, 10)
op.delitem(lst, 1)
print(lst, op.getitem(lst, -1), op.getitem("hello", slice(1, 3)), op.index(7))
x = [1]
print(op.iadd(x, [2]), x, op.iconcat(x, [3]), op.imul([0], 3))
print(op.matmul.__name__, op.length_hint([1, 2, 3]), op.length_hint(iter([]), 5))
try:
    op.add(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    op.concat(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
from functools import reduce

print(reduce(op.mul, range(1, 10)), sorted([(1, "b"), (0, "z")], key=op.itemgetter(1)))
