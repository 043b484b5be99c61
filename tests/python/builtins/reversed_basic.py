# reversed: sequences, ranges, dicts (3.8+), user __reversed__ and __len__/__getitem__, errors.
print(list(reversed([1, 2, 3])))
print(list(reversed("abc")), "".join(reversed("hello")))
print(list(reversed((1, 2))), list(reversed(range(0, 10, 3))))
print(list(reversed({"a": 1, "b": 2, "c": 3})))
print(list(reversed({"a": 1, "b": 2}.items())))
print(list(reversed([])))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i * 10


print(list(reversed(Seq())))


class Rev:
    def __reversed__(self):
        return iter("custom")


print(list(reversed(Rev())))
r = reversed([1, 2, 3])
print(next(r), list(r), next(r, None))
lst = [1, 2, 3]
r = reversed(lst)
lst.append(4)
print(list(r))
for bad in [{1, 2}, 5, iter([1]), (x for x in [])]:
    try:
        reversed(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    reversed()
except TypeError as e:
    print(type(e).__name__, e)
