# filter: a predicate, None as the identity test, laziness, truthiness of many kinds of values.
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(None, [0, 1, "", "a", [], [0], None, False, True, 0.0, 2.5, (), {}])))
print(list(filter(str.isdigit, "a1b22c3")))
print("".join(filter(str.isalpha, "h3e2l1lo")))
print(list(filter(lambda s: len(s) > 2, ["ab", "abc", "", "abcd"])))


class Truth:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool of", self.v)
        return self.v > 1

    def __repr__(self):
        return "Truth(%d)" % self.v


print(list(filter(None, [Truth(1), Truth(2), Truth(3)])))
f = filter(lambda x: x > 2, iter([1, 5, 2, 6]))
print(next(f), next(f), next(f, "none"))
try:
    filter(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    filter(None, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(filter(1, [1]))
except TypeError as e:
    print(type(e).__name__, e)
print(list(filter(lambda x: x, {})))
