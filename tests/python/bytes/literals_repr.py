# bytes literals and repr: escapes, quote choice, indexing yielding ints,
# slicing yielding bytes, and the constructor's forms.
for b in [b"abc", b"", b"it's", b'say "x"', b"\x00\xff\n\t\r\\", bytes(range(0, 256, 37)), b"\x7f\x80"]:
    print(repr(b), len(b), list(b))
b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], b[10:], type(b[0]).__name__, type(b[0:1]).__name__)
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(b"copy"), bytes(), bytes(range(5)))
for bad in [lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("str"), lambda: bytes(-1), lambda: bytes([1.5])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b[5]
except IndexError as e:
    print(type(e).__name__, e)
print(b"ab" + b"cd", b"ab" * 3, 2 * b"x", b"a" < b"b", b"abc" == b"abc", b"a" == "a", b"" < b"\x00")
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc".hex("-"), b"\x01\x02\x03".hex(":", 2))
print(str(b"x"), f"{b'y'}", b"%d-%s" % (5, b"z"))
print(65 in b"ABC", b"BC" in b"ABC", b"" in b"", 66 in b"abc")
try:
    300 in b"abc"
except ValueError as e:
    print(type(e).__name__, e)
