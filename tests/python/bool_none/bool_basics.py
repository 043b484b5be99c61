# bool is an int subclass: arithmetic on True/False, repr, bool() of every
# kind of value, and the singletons' identities.
print(True, False, repr(True), str(False), type(True).__name__)
print(True + True, True * 10, False - 1, -True, True / 2, True // 1, True ** 5)
print(isinstance(True, int), issubclass(bool, int), bool.__mro__)
print(int(True), float(False), str(True).upper())
for v in [0, 1, -1, 0.0, -0.0, 0.1, "", "0", " ", [], [0], (), (None,), {}, {0: 0}, set(), None, range(0), range(1), b"", b"\x00"]:
    print(repr(v), bool(v))
print(bool(), bool(float("nan")), bool(2 ** 100), bool(-(2 ** 100)))
print(True is True, (1 == 1) is True, bool(1) is True, not None, not 0, not "a")
print(True == 1, hash(True) == hash(1), hash(False) == hash(0))
print(sum([True, True, False, True]), max(True, 2), min(False, -1))
print(True & False, True | False, True ^ True, ~False)
print(["no", "yes"][True], ["no", "yes"][False])
print(str(bool), repr(bool))
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
