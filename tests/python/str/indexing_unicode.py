# str indexing and len count code points, not bytes: ASCII, accented Latin,
# CJK, emoji and combining characters, with negative and out-of-range indices.
for s in ["hello", "héllo", "日本語テキスト", "a😀b", "e\u0301", "ß", ""]:
    print(repr(s), len(s), [s[i] for i in range(len(s))], s[-1:] , s[::-1])
s = "naïve café"
print(s[2], s[-1], s[-4], s[3:7], s.index("é"), s.find("ï"))
try:
    s[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[-11]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s["a"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = "N"
except TypeError as e:
    print(type(e).__name__, e)
print(ord("é"), chr(233), ord("😀"), chr(128512), ord("\n"), chr(0x65e5))
print([ord(c) for c in "añ€😀"])
print("€" * 3, len("€" * 3), "x".join("日本"))
print(s[True], s[False])
print("".join(reversed("ab😀cd")))
