# Negative-step slicing on lists, strings and tuples: defaults of start and
# stop flip, boundaries clamp, and results for every start/stop sign.
seq = list(range(10))
for start in (None, 9, 5, -1, -3, 20, -20):
    for stop in (None, 0, 2, -1, -8, -20):
        print(start, stop, seq[start:stop:-1], seq[start:stop:-3])
text = "0123456789"
print(text[::-1], text[8:2:-2], text[-2::-3], text[:5:-1], text[5::-1])
print((1, 2, 3, 4)[::-2], (1, 2, 3, 4)[-1:-5:-1])
print(list(range(10))[::-1][::-1] == list(range(10)))
