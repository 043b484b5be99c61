# Indexing and slicing text with characters of every UTF-8 width, at every
# position and across the whole length of long strings (the interpreter
# finds a character's place from a sparse index of offsets), and lists and
# tuples indexed and iterated in loops (where the interpreter has its own
# shortcuts), including negative and out-of-range indices.
parts = ["a", "é", "日本", "😀", "z", "ß", "Ω", "x" * 40, "ж" * 70, "€"]
text = "".join(parts * 7)
n = len(text)
print(n, len(text.encode()))
print([text[i] for i in range(0, n, 37)])
print([text[-i] for i in range(1, n, 41)])
print(text[5:9], text[31:33], text[-3:], text[:4], text[100:164])
print(text[3:200:7], text[::-53], text[n - 1], text[-n])
acc = 0
for i in range(n):
    acc = (acc * 31 + ord(text[i])) % 1000003
print("checksum", acc)
pieces = [text[i:i + 33] for i in range(0, n, 33)]
print("".join(pieces) == text, len(pieces), pieces[3])
for bad in (n, -n - 1, 10 ** 20):
    try:
        text[bad]
    except IndexError as e:
        print("IndexError", e)
print(text.index("😀", 50), text.find("€", 300), text.count("ж"))

items = list(range(10))
t = tuple("abcdefghij")
total = 0
for k in range(-10, 10):
    total += items[k]
    items[k] = items[k] * 2
print(total, items, [t[k] for k in range(-10, 10, 3)])
for bad in (10, -11, 2 ** 70):
    for seq in (items, t):
        try:
            seq[bad]
        except IndexError as e:
            print("IndexError", e)
try:
    items[10] = 1
except IndexError as e:
    print("IndexError", e)
try:
    items["1"]
except TypeError as e:
    print("TypeError", e)
it = iter(items)
print(next(it), list(it), list(it))
grow = [1, 2, 3]
for x in grow:
    if x < 6:
        grow.append(x + 3)
print(grow)
r = 0
for i in range(2 ** 62 - 3, 2 ** 62 + 3):
    r += i % 7
for i in range(10, -10, -3):
    r += i
print(r, list(range(2 ** 61, 2 ** 61 + 2 ** 60 * 3, 2 ** 60)))
