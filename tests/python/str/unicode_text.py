# Unicode text handling without modules: code point iteration, lengths of
# combining sequences, surrogate-free astral characters, case mapping that
# changes length, and encoding sizes in UTF-8 per character.
samples = ["ascii", "café", "naïve", "日本語", "😀👍", "e\u0301", "Ǆ", "ﬃ", "İ"]
for s in samples:
    print(repr(s), len(s), len(s.encode("utf-8")), [hex(ord(c)) for c in s][:4], s.upper(), len(s.upper()), s.lower())
print([len(c.encode()) for c in "a\u00e9\u4e2d\U0001F600"])
mixed = "Größe: 42€ für 3 Äpfel 🍎"
print(sum(c.isalpha() for c in mixed), sum(c.isdigit() for c in mixed), sum(not c.isascii() for c in mixed))
print(mixed[::-1], mixed.split(), mixed.casefold())
print("\N{SNOWMAN}", "\u2603" == "☃", chr(0x1F600) == "😀", ord("€"), "\U0001F40D".encode())
