# Iterating bytes gives ints; building bytes from generators; bytes in
# dicts and sets (hashable, bytearray not); comparisons with str always
# unequal; bytes/str conversions in both directions.
data = b"Hello\x00\xff"
print([b for b in data], sum(data), max(data), min(data), list(reversed(data))[:3])
print(bytes(b ^ 0x20 for b in b"abcXYZ"), bytes(x for x in range(65, 70)))
print({b"key": 1}[b"key"], b"a" in {b"a", b"b"}, len({b"x", b"x", bytes([120])}))
try:
    {bytearray(b"x"): 1}
except TypeError as e:
    print(type(e).__name__, e)
print(b"abc" == "abc", b"abc" != "abc", b"abc" == bytearray(b"abc"), bytearray(b"a") < b"b")
s = "naïve"
b = s.encode()
print(b, len(s), len(b), b.decode() == s, list(b[2:4]), b[2:4].decode())
print(str(b), repr(b), b.hex(), bytes.fromhex(b.hex()) == b)
print(b"".join(bytes([c]) for c in range(97, 100)), b"%05d|%-4s|%x" % (42, b"ab", 255))
print(b"a,b,,c".split(b","), b"  x  ".strip(), b"abc".upper(), b"x" * 3, len(b"\n\t\\"))
