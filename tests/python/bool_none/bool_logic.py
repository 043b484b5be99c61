# not/and/or on bools and the truthiness of objects with __bool__ and
# __len__; and/or return an operand, not a bool.
for a in (True, False):
    for b in (True, False):
        print(a, b, a and b, a or b, not a, a == b, a != b, a ^ b)
print(0 and 1, 1 and 0, 2 and 3, 0 or 1, "" or "x", [] or {} or 0, "a" and "b" and "c", None or None)
class T:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("  bool of", self.v)
        return self.v
class L:
    def __len__(self):
        return 0
print(bool(T(True)), bool(T(False)), bool(L()), not L())
r = T(False) or T(True)
print(r.v)
r = T(True) and T(False)
print(r.v)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
class NoBool:
    pass
print(bool(NoBool()))
print(all([]), any([]), all([1, 0]), any([0, "", 3]))
