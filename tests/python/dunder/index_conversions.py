# __index__ lets objects serve as list indices, slice bounds, in range(),
# bin/hex, and sequence repetition; __int__, __float__ and __str__ drive
# the conversions; __format__ controls format() and f-strings.
class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
data = list("abcdef")
print(data[Idx(2)], data[Idx(1):Idx(4)], "xyz"[Idx(-1)], list(range(Idx(3))), bin(Idx(5)), hex(Idx(255)), [0] * Idx(3))
print(Idx(2).__index__() + 1)
class Num:
    def __int__(self):
        return 42
    def __float__(self):
        return 2.5
    def __str__(self):
        return "Num!"
    def __format__(self, spec):
        return f"<Num {spec or 'plain'}>"
n = Num()
print(int(n), float(n), str(n), format(n), format(n, "x>10"), f"{n:abc}", f"{n}")
try:
    data[Num()]
except TypeError as e:
    print(type(e).__name__, e)
class BadIndex:
    def __index__(self):
        return "no"
try:
    data[BadIndex()]
except TypeError as e:
    print(type(e).__name__, e)
class Round:
    def __round__(self, ndigits=None):
        return f"round({ndigits})"
print(round(Round()), round(Round(), 2))
class Neg:
    def __neg__(self):
        return "negated"
    def __pos__(self):
        return "posited"
    def __abs__(self):
        return "absolute"
    def __invert__(self):
        return "inverted"
print(-Neg(), +Neg(), abs(Neg()), ~Neg())
try:
    -object()
except TypeError as e:
    print(type(e).__name__, e)
class Hashy:
    def __hash__(self):
        return -1
print(hash(Hashy()))
