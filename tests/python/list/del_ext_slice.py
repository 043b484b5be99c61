# del l[a:b:c] for positive and negative steps and bounds, compared with
# the same deletion done item by item.
def by_hand(l, a, b, c):
    keep = list(l)
    doomed = sorted(range(len(l))[a:b:c], reverse=True)
    for i in doomed:
        del keep[i]
    return keep

checked = 0
for n in range(0, 12):
    for a in [None, 0, 1, 3, -1, -4, 20, -20]:
        for b in [None, 0, 2, 5, -1, -3, 20, -20]:
            for c in [None, 1, 2, 3, -1, -2, -5]:
                l = list(range(n))
                expected = by_hand(l, a, b, c)
                del l[a:b:c]
                if l != expected:
                    print("differs", n, a, b, c, l, expected)
                checked += 1
print(checked)
l = list("abcdefghij")
del l[::3]
print(l)
del l[::-2]
print(l)
del l[:]
print(l)
try:
    del l[::0]
except ValueError as e:
    print(e)
