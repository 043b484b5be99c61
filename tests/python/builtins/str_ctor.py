# str(): of every kind of value, __str__ falling back to __repr__, bytes with encoding, errors.
print(str(), repr(str()), str(1), str(-2.5), str(True), str(None), str([1, "a"]), str({"a": 1}))
print(str(1e16), str(1e15), str(0.1 + 0.2), str(10**30), str((1,)), str(b"x"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"))
print(str(b"ab\xff", "utf-8", "replace"), str(b"ab\xff", "utf-8", errors="ignore"))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    str(b"a", "no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
try:
    str("a", "utf-8")
except TypeError as e:
    print(type(e).__name__, e)


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr!"


class Both:
    def __repr__(self):
        return "R"

    def __str__(self):
        return "S"


print(str(OnlyRepr()), str(Both()), repr(Both()), str([Both()]), f"{Both()} {Both()!r}")


class BadStr:
    def __str__(self):
        return None


try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)


class MyStr(str):
    pass


m = MyStr("sub")
print(str(m), type(str(m)).__name__, type(m).__name__, m == "sub")
print(str("same") is not None, str(str) , str(int))
