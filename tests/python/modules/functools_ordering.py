# functools.cmp_to_key for sorting with a comparison function, total_ordering filling in comparisons.
from functools import cmp_to_key, total_ordering


def by_length_then_reverse_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)


words = ["pear", "fig", "apple", "kiwi", "date", "plum", "banana"]
print(sorted(words, key=cmp_to_key(by_length_then_reverse_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(max([5, 1, 9], key=cmp_to_key(lambda a, b: a - b)), min(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(a) - len(b))))
nums = [10, 2, 9, 34]
print("".join(sorted(map(str, nums), key=cmp_to_key(lambda a, b: (b + a > a + b) - (b + a < a + b)))))


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))


a, b = Version("1.2.10"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(sorted([Version("2.0"), Version("1.9.9"), Version("1.10"), Version("1.2")]))
print(max(Version("0.1"), Version("0.0.9")), Version("3") >= Version("3"))
try:
    @total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print(type(e).__name__, e)
