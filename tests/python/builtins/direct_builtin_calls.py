# Built-in functions and methods called from hot sites: one call site sees
# a set and then a frozenset, a list and then a list subclass, a str and
# then a str subclass; built-ins that raise, that look at their caller's
# frame, and that take keyword arguments; strs compared by code point.


class MyList(list):
    def append(self, x):
        list.append(self, x * 10)


class MyStr(str):
    def upper(self):
        return "shadowed"


def add_all(container, items):
    for x in items:
        container.add(x)
    return container


def use_site(objs):
    out = []
    for o in objs:
        try:
            out.append(o.union({99}))
        except AttributeError as e:
            out.append(str(e))
    return out


s = add_all(set(), range(5))
print(sorted(s))
print([sorted(x) if not isinstance(x, str) else x
       for x in use_site([set([1]), frozenset([2]), set([3]), frozenset([4])])])
print([type(x).__name__ for x in use_site([set(), frozenset()])])


def fill(lst):
    for i in range(3):
        lst.append(i)
    return lst


for _ in range(3):
    print(fill([]), fill(MyList()))


def uppers(words):
    return [w.upper() for w in words]


for _ in range(2):
    print(uppers(["ab", MyStr("cd"), "ef"]))


def lengths(items):
    out = []
    for x in items:
        try:
            out.append(len(x))
        except TypeError as e:
            out.append("TypeError: " + str(e))
    return out


print(lengths(["abc", [1, 2], 5, (1,), None]))


def show_locals(a, b):
    c = a + b
    return sorted(locals().items())


for _ in range(3):
    print(show_locals(1, 2))


def kw_calls(xs):
    return [sorted(xs, reverse=True), max(xs, key=lambda v: -v), min(xs, default=0)]


for _ in range(2):
    print(kw_calls([3, 1, 2]))


def pops(d, keys):
    out = []
    for k in keys:
        try:
            out.append(d.pop(k))
        except KeyError as e:
            out.append("KeyError " + repr(e.args[0]))
    return out


print(pops({"a": 1, "b": 2}, ["a", "a", "b", "c"]))


def compare_all(pairs):
    return [(a < b, a <= b, a == b, a != b, a > b, a >= b) for a, b in pairs]


strs = [("abc", "abd"), ("é", "z"), ("z", "é"), ("", "a"), ("same", "same"),
        ("\U0001F600", "\uffff"), ("a\ud800", "a\udfff"), ("a\ud800", "a\U0001F600"),
        ("ab", "abc"), ("B", "a")]
for row in compare_all(strs):
    print(row)
x = "identical"
print(compare_all([(x, x)]))
try:
    "a" < 1
except TypeError as e:
    print("TypeError:", e)


def raise_in_builtin():
    return int("not a number")


try:
    raise_in_builtin()
except ValueError as e:
    print("ValueError:", e)

print(divmod(7, 2), pow(2, 10, 1000), abs(-3), round(2.5), chr(65), ord("A"))
raise_in_builtin()
