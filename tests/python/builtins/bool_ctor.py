# bool(): truthiness of every builtin kind, __bool__ and __len__, bad __bool__ results, bool arithmetic.
vals = [0, 1, -1, 0.0, -0.0, 0.1, float("nan"), "", " ", "0", [], [0], (), ((),), {}, {0: 0}, set(), None,
        range(0), range(1), b"", b"\0", 0j, frozenset(), 10**100]
print([bool(v) for v in vals])
print(bool(), bool(True), bool(False))


class T:
    def __bool__(self):
        return False


class L:
    def __len__(self):
        return 0


class BoolWins:
    def __bool__(self):
        return True

    def __len__(self):
        return 0


class Plain:
    pass


print(bool(T()), bool(L()), bool(BoolWins()), bool(Plain()))


class Bad:
    def __bool__(self):
        return 1


try:
    bool(Bad())
except TypeError as e:
    print(type(e).__name__, e)
try:
    if Bad():
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(True + True, True * 10, -True, ~True, True / 2, True == 1, False == 0, True is bool(1))
print(repr(True), str(False), int(True), True & False, True | False, True ^ True, type(True ^ True).__name__)
print(isinstance(True, int), bool.__mro__[1].__name__)
try:
    class Sub(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
