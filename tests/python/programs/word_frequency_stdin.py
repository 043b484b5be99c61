# A word-frequency report over standard input: normalises punctuation and
# case, ignores stop words, prints the top words with a bar chart, line
# statistics, and the longest line.
import sys
STOP = {"the", "a", "and", "of", "to", "in", "is", "it"}
lines = sys.stdin.read().splitlines()
freq = {}
for line in lines:
    for raw in line.split():
        w = "".join(ch for ch in raw.lower() if ch.isalnum() or ch == "'").strip("'")
        if w and w not in STOP:
            freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
width = max(len(w) for w, _ in top)
for w, n in top:
    print(f"{w:>{width}} {'█' * n} {n}")
non_empty = [l for l in lines if l.strip()]
print(f"lines={len(lines)} non-empty={len(non_empty)} words={sum(len(l.split()) for l in lines)} distinct={len(freq)}")
longest = max(lines, key=len)
print(f"longest line ({len(longest)} chars): {longest!r}")
