# Case conversion and padding: upper/lower/title/capitalize/swapcase/casefold
# including non-ASCII, then center/ljust/rjust/zfill with fill characters.
for s in ["hello world", "HELLO", "hElLo wOrLd", "it's o'neil", "x1y2 3z", "straße", "ǆemal", "ΑΒΓ σς", "", "123"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()))
for w in (0, 3, 8, 9):
    print(repr("abc".center(w)), repr("abc".ljust(w, ".")), repr("abc".rjust(w, "*")), repr("abc".center(w, "-")))
print("ab".center(5, "x"), "abc".center(6, "x"), "a".center(4, "é"))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "".zfill(3), "-".zfill(3), "12345".zfill(3))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".ljust("5")
except TypeError as e:
    print(type(e).__name__, e)
