# bytearray slice assignment and deletion over a grid of starts, stops and
# steps (empty values delete extended slices, size mismatches fail), the
# search methods with ranges on both types, split/rsplit with maxsplit,
# and %-formatting, hex separators and case methods of bytes.
import itertools
base = b"abcdefgh"
idx = [None, -10, -1, 0, 3, 12]
for a, b, c in itertools.product(idx, idx, [None, 2, -1, -2]):
    row = []
    for val in [b"", b"XY", [65, 66, 67, 68]]:
        x = bytearray(base)
        try:
            x[a:b:c] = val
            row.append(bytes(x))
        except ValueError as e:
            row.append(str(e))
    x = bytearray(base)
    del x[a:b:c]
    print(a, b, c, row, bytes(x), base[a:b:c])
for m in ["find", "rfind", "index", "count", "startswith", "endswith"]:
    for args in [(b"c",), (b"",), (b"c", 1), (b"", 9), (b"", 8), (b"cd", -6, -2), (99,), (b"h", 2, 100), (300,)]:
        try:
            print(m, args, getattr(base, m)(*args), getattr(bytearray(base), m)(*args))
        except (ValueError, TypeError) as e:
            print(m, args, type(e).__name__, e)
for s in [b"  a  b ", b"a,b,,c", b""]:
    for sep in [None, b",", b" "]:
        print([(s.split(sep, mx), s.rsplit(sep, mx)) for mx in [-1, 0, 1, 2]])
print(b"%5s|%-5b|%c|%r|%a|%x|%05.1f" % (b"ab", bytearray(b"c"), 65, b"q", "\xe9", 255, 2.25))
for bad in [lambda: b"%s" % "str", lambda: b"%c" % 256, lambda: b"%c" % b"ab", lambda: "%b" % b"x"]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(b"abc".hex(":"), b"abcdef".hex("-", -2), b"abcdef".hex(b"|", 4), bytearray(b"\x01\x02").hex())
print(b"a\tb\n\tc".expandtabs(), b"Hello World".swapcase(), b"hello world".title(), b"x".zfill(4), b"-7".zfill(4))
