# A text statistics report: word frequencies with ties broken
# alphabetically, sentence and paragraph counts, longest words, letter
# histogram, and a formatted table.
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness. It was the epoch of belief, it was the
epoch of incredulity; it was the season of Light, it was the season of Darkness.

It was the spring of hope, it was the winter of despair! We had everything
before us, we had nothing before us. Were we all going direct to Heaven?"""
def words(text):
    out = []
    for raw in text.split():
        w = raw.strip(".,;!?\"'").lower()
        if w:
            out.append(w)
    return out
ws = words(TEXT)
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(f"{'word':<10}{'count':>6}{'share':>8}")
for w, c in top:
    print(f"{w:<10}{c:>6}{c / len(ws):>8.1%}")
sentences = sum(TEXT.count(p) for p in ".!?")
paragraphs = len([p for p in TEXT.split("\n\n") if p.strip()])
print("words", len(ws), "unique", len(freq), "sentences", sentences, "paragraphs", paragraphs)
longest = sorted(set(ws), key=lambda w: (-len(w), w))[:4]
print("longest", longest)
letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
for ch, n in sorted(letters.items(), key=lambda kv: -kv[1])[:5]:
    print(ch, "#" * (n // 4), n)
avg = sum(len(w) for w in ws) / len(ws)
print(f"average word length {avg:.3f}")
lines = TEXT.splitlines()
print([len(l) for l in lines], max(lines, key=len)[:20])
