# `is`/`is not` compare identity, `==` equality; `in`/`not in` on every
# container, including ones that only define __iter__ or __getitem__.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, type(a) is list, type(True) is bool)
x = ()
print(x == (), float("nan") is float("nan"))
print(1 in [1, 2], 3 not in [1, 2], "a" in "cat", "at" in "cat", "ta" not in "cat", 2 in (1, 2), 2 in {2: 0}, 0 in {2: 0},
      2 in {1, 2}, 5 in range(10), b"a" in b"abc", "k" in {"k": 1}.keys(), 1 in {"k": 1}.values())
class Iter:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2, 3])
class GetItem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        print("  __getitem__", i)
        return i * 10
print(2 in Iter(), 9 in Iter())
print(10 in GetItem(), 99 in GetItem())
class Contains:
    def __contains__(self, item):
        return item == "magic"
print("magic" in Contains(), "other" in Contains(), "magic" not in Contains())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
class Weird:
    def __eq__(self, other):
        return True
w = Weird()
print(w in [1], 1 in [w], w is w, w == 0)
nan = float("nan")
print(nan in [nan], [nan] == [nan], nan == nan)
