# Dicts for counting and grouping: get with default, setdefault lists,
# nested dicts of counts, inverting a many-to-one mapping, and the most
# common items with deterministic tie-breaking.
text = "the cat and the hat and the bat sat on the mat"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
by_len = {}
for w in text.split():
    by_len.setdefault(len(w), []).append(w)
print(by_len)
by_first = {}
for w in text.split():
    inner = by_first.setdefault(w[0], {})
    inner[w] = inner.get(w, 0) + 1
print(by_first)
colors = {"apple": "red", "cherry": "red", "banana": "yellow", "lime": "green", "lemon": "yellow"}
inverted = {}
for fruit, color in colors.items():
    inverted.setdefault(color, []).append(fruit)
print(inverted)
letters = {}
for ch in "mississippi":
    letters[ch] = letters.get(ch, 0) + 1
print(letters, max(letters, key=letters.get), min(letters.values()))
print(dict(sorted(letters.items())), {k: v for k, v in letters.items() if v > 1})
