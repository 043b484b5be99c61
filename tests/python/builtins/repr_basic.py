# repr: quoting rules of str, escapes, containers, nested/recursive containers, floats, user __repr__.
print(repr("abc"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\t nl\n cr\r nul\0 bell\a del\x7f"), repr("\\"))
print(repr("é ü 中 \U0001f600"), repr("\u200b"), repr("\x9f"), repr("\ud800"))
print(repr(b"bytes\x00\xff'"), repr(bytearray(b"ab")))
print(repr(1), repr(-0), repr(10**25), repr(True), repr(None))
print(repr(1.0), repr(0.1), repr(1e16), repr(1e-5), repr(123456789012345678.0), repr(-0.0))
print(repr(float("inf")), repr(float("-inf")), repr(float("nan")), repr(2.5e-320))
print(repr([1, "a", (2,), {"k": [None]}]), repr(()), repr((1,)), repr((1, 2)))
print(repr(set()), repr({1}), repr(frozenset()), repr(frozenset({2})), repr({}))
l = [1]
l.append(l)
print(repr(l))
d = {"self": None}
d["self"] = d
print(repr(d))


class P:
    def __repr__(self):
        return "P()"


class S:
    def __str__(self):
        return "S-str"


print(repr(P()), str(P()), [P()], str(S()), repr([S()]).startswith("[<__main__.S object at"))
print(repr(range(1, 5, 2)), repr(slice(1, None)), repr(Ellipsis), repr(NotImplemented))
print(repr(int), repr(type), repr(P), repr(len))


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
print(repr(1 + 2j), repr(-1j), repr(complex(1.5, -0.0)))
