# collections.Counter: counting, most_common, missing keys are 0, arithmetic (+ - & |), update/subtract, elements.
from collections import Counter

c = Counter("abracadabra")
print(c)
print(c.most_common(), c.most_common(2), c["a"], c["zzz"], "zzz" in c)
print(Counter(["x", "y", "x"]), Counter({"a": 3, "b": -1}), Counter(a=2, b=1))
d = Counter("alabama")
print(c + d, c - d, c & d, c | d)
print(Counter(a=3) - Counter(a=5), +Counter(a=-1, b=2), -Counter(a=-1, b=2))
c.update("aaz")
c.update({"q": 2})
print(c)
c.subtract("aaaaaaaaa")
print(c)
print(sorted(Counter(a=2, b=1, c=0, d=-1).elements()))
print(Counter("hello").total(), sum(Counter("hello").values()))
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(3))
del c["z"]
print("z" in c, list(Counter("ba")), Counter() == Counter(), Counter(a=1) == Counter(a=1, b=0))
print(Counter("aab") <= Counter("aaabc"), dict(Counter("xxy")))
ties = Counter(["b", "a", "b", "a", "c"])
print(ties.most_common(), ties.most_common(0))
