# chr/ord: ASCII, Latin-1, BMP, astral code points, surrogates, round trips; range and length errors.
print(chr(65), chr(97), chr(48), repr(chr(0)), repr(chr(127)), chr(233), chr(0x4E2D), chr(0x1F600))
print(ord("A"), ord("z"), ord("\n"), ord("é"), ord("中"), ord("\U0001F600"), ord(b"A"), ord(bytearray(b"\xff")))
print(repr(chr(0xD800)), ord("\udfff"), chr(0x10FFFF) == "\U0010ffff", ord(chr(0x10FFFF)))
print(all(ord(chr(i)) == i for i in range(0, 0x11000, 7)))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([ord(c) - ord("a") for c in "python"])
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    chr(2**40)
except (ValueError, OverflowError) as e:
    print(type(e).__name__)
for bad in ["", "ab", b"", b"xy"]:
    try:
        ord(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    chr("a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(65.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord(65)
except TypeError as e:
    print(type(e).__name__, e)
print(chr(True), ord(str(7)))
