# Building strings: += in loops, join of generated parts, reversal,
# character-by-character transforms with ord/chr, and immutability (methods
# return new strings and leave the original unchanged).
s = ""
for i in range(5):
    s += str(i) * i
print(s, len(s))
parts = [f"{c}{i}" for i, c in enumerate("abc")]
print("-".join(parts), "".join(reversed(parts)), "".join(sorted("python")))
word = "Straße"
up = word.upper()
print(word, up, word is not up, len(word), len(up))
rot13 = "".join(chr((ord(c) - 97 + 13) % 26 + 97) if c.islower() else c for c in "hello, world")
print(rot13)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, "".join(ch * n for ch, n in counts.items()))
print([c for c in "héllo"], list(enumerate("ab")), "x".join(str(n) for n in range(3)))
t = "abc"
t2 = t.replace("a", "A")
print(t, t2, t.upper(), t)
acc = []
for line in "one\ntwo\nthree".splitlines():
    acc.append(line[::-1].capitalize())
print(" ".join(acc))
