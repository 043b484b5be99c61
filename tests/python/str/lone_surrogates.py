# Lone surrogates in str: literals and chr() make them, and equality,
# ordering, hashing, repr/ascii, ord, indexing, slicing, iteration,
# concatenation and `in` see the surrogate itself (not a replacement
# character); encoding refuses it ("surrogates not allowed") unless an
# error handler says otherwise, and print raises after writing what came
# before it.
s = "a\ud800\udc00b"
t = "a" + chr(0xD800) + chr(0xDC00) + "b"
print(repr(s), ascii(s), len(s), s == t, hash(s) == hash(t), {s: 1}[t])
print(s != "a\ufffd\ufffdb", "\ud800" < "\ue000", "\ud7ff" < "\ud800", sorted(["\ue000", "\ud800", "z"]))
print(ord(s[1]), ord(s[-2]), repr(s[1:3]), repr(s[::-1]), repr(s[2:]), [ord(c) for c in s])
print("\ud800" in s, "\ufffd" in s, "\udc00b" in s, repr(s + "\udfff"), repr("\udfff" + "x"))
print(repr(chr(0xDFFF)), ord("\udbff"), repr("\ud83d\ude00"), len("\ud83d\ude00"))
for codec, errors in [
    ("utf-8", "strict"),
    ("utf-8", "ignore"),
    ("utf-8", "replace"),
    ("utf-8", "backslashreplace"),
    ("utf-8", "xmlcharrefreplace"),
    ("utf-16-le", "strict"),
    ("utf-16-be", "replace"),
    ("utf-32", "strict"),
    ("ascii", "strict"),
    ("latin-1", "backslashreplace"),
]:
    try:
        print(codec, errors, s.encode(codec, errors))
    except UnicodeEncodeError as e:
        print(codec, errors, type(e).__name__, e)
try:
    print("before", "\ud800", "after")
except UnicodeEncodeError as e:
    print()
    print(type(e).__name__, e)
