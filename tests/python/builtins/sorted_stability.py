# sorted and list.sort: stability (with key and with reverse), key called once per item, in-place sort.
records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 2), ("eve", 1), ("fay", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name = sorted(records)
print(sorted(by_name, key=lambda r: r[1]))
calls = []


def key(x):
    calls.append(x)
    return x % 3


print(sorted([5, 4, 3, 2, 1, 0], key=key))
print(calls)
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
lst = [5, 2, 9, 1]
print(lst.sort(), lst)
lst.sort(reverse=True)
print(lst)
lst.sort(key=lambda x: x % 2)
print(lst)
big = [(i * 7919) % 101 for i in range(200)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
pairs = [(i % 5, i) for i in range(30)]
print(sorted(pairs, key=lambda p: p[0])[:12])


class Item:
    def __init__(self, k, tag):
        self.k, self.tag = k, tag

    def __lt__(self, other):
        return self.k < other.k

    def __repr__(self):
        return "%s%d" % (self.tag, self.k)


print(sorted([Item(2, "a"), Item(1, "b"), Item(2, "c"), Item(1, "d")]))
print(max([Item(2, "a"), Item(2, "c")]), min([Item(1, "b"), Item(1, "d")]))
