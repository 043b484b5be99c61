# Indexing, slicing, startswith/endswith, find/rfind/index/count with start
# and end on non-ASCII text, in the orders a scanner uses them (forwards
# one by one, jumping back, from the end), and on a str with surrogates.
text = "ab日本語cdé" * 30 + "zé" + "xyz"
n = len(text)
out = []
pos = 0
while pos < n:
    ch = text[pos]
    if ch == "日":
        out.append(text[pos:pos + 3])
        pos += 3
    else:
        out.append(ch)
        pos += 1
print("".join(out) == text, len(out))
print([text[i] for i in (0, 5, 4, 3, 240, 40, 41, 39, 0, -1, -2, n - 3, 33, 64, 65, 63)])
for i in (0, 1, 2, 7, 8, 31, 32, 33, 64, 200, 240, n - 3, n - 1, n, n + 5, -3, -300):
    print(i, text.startswith("日本", i), text.startswith(("x", "é"), i),
          text.endswith("cd", 0, i), text.startswith("", i, i - 1),
          text.find("é", i), text.rfind("日", 0, i), text.count("d", i), text.count("", i, i + 3))
print(text.find("zé"), text.index("xyz"), text.rindex("é"), text.find("nope"))
try:
    text.index("q", 5)
except ValueError as e:
    print(type(e).__name__, e)
print(text[3:9], text[-5:], text[250:260], text[::37])
s = "é" + chr(0xD800) + "日x" * 40
print(len(s), s.find("x", 3), s.startswith("日", 2), s[2], s.count("x", 10, 20), ascii(s[1]))
print(s.rfind("日", 0, 50), s.endswith("x", 0, 5))
for i in range(len(s) - 1, len(s) - 6, -1):
    print(i, s[i], s.startswith("x", i))
