# strip/lstrip/rstrip with default whitespace and with char sets,
# removeprefix/removesuffix, and replace with counts and empty patterns.
s = " \t\n hello world \r\n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixyx".strip("xy"), "xxhixyx".lstrip("x"), "xxhixyx".rstrip("yx"), "abc".strip(""), "aaa".strip("a"))
print(repr("\u3000 wide \u00a0".strip()))
print("prefix-body".removeprefix("prefix-"), "prefix-body".removeprefix("body"), "file.txt".removesuffix(".txt"), "a".removesuffix(""))
print("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "aaaa".replace("aa", "a"), "abc".replace("", "-"))
print("abc".replace("", "-", 2), "abc".replace("x", "y"), "".replace("", "z"), "hello".replace("l", ""))
print("ababab".replace("aba", "X"), "mississippi".replace("ss", "SS", 1), "abc".replace("b", "b", -1))
print("héllo wörld".replace("ö", "o").replace("é", "e"))
try:
    "abc".strip(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".replace("a")
except TypeError as e:
    print(type(e).__name__, e)
print("  x  ".strip(None), "xyz".expandtabs(), "a\tb\tc".expandtabs(4), "ab\tc".expandtabs(2), "\t".expandtabs(0) == "")
