# collections.defaultdict: list/int/set/lambda factories, missing keys create entries, get does not, None factory.
from collections import defaultdict

groups = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    groups[word[0]].append(word)
print(dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), counts.default_factory)
print(counts.get("q"), "q" in counts, counts["q"], "q" in counts)
seen = defaultdict(set)
seen["a"].add(1)
seen["a"].add(1)
print(dict(seen))
const = defaultdict(lambda: "N/A", {"known": "yes"})
print(const["known"], const["unknown"], sorted(const))
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print(type(e).__name__, e)
print(plain.default_factory)
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], list(t["a"]))
print(repr(defaultdict(int, {1: 2})), isinstance(counts, dict))
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)
copy = counts.copy()
copy["m"] += 100
print(counts["m"], copy["m"], type(copy).__name__)


class Missing(dict):
    def __missing__(self, key):
        return key * 2


print(Missing(a=1)["a"], Missing()["zz"], len(Missing()))
