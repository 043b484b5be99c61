# min/max with key= and default=: key on iterables and on several args, default for empty input.
words = ["pear", "fig", "banana", "kiwi"]
print(min(words, key=len), max(words, key=len))
print(min(words, key=lambda w: w[-1]), max(words, key=lambda w: w[1]))
print(max(3, -7, 5, key=abs), min(-3, 2, -1, key=abs))
print(max([], default="empty"), min([], default=None))
print(max([1, 2], default=0), min((), default=42))
print(max([], key=len, default="k"))
print(max(iter([]), default=-1))
d = {"a": 3, "b": 9, "c": 1}
print(max(d, key=d.get), min(d, key=d.get))
print(max(d.items(), key=lambda kv: kv[1]))
print(max(["aa", "bb", "cc"], key=len), min(["aa", "bb", "cc"], key=len))
calls = []


def k(x):
    calls.append(x)
    return -x


print(max([1, 5, 3], key=k), calls)
print(min([(2, "x"), (1, "y"), (1, "z")], key=lambda t: t[0]))
