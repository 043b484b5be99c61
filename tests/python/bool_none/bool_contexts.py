# Where truth values are computed implicitly: while/if conditions,
# comprehension filters, filter(None, ...), sorting bools, bool as a
# dict key alongside ints, and counting with sum of comparisons.
vals = [0, 1, "", "x", None, [], [0], 0.0, -1, (), {}, {0}]
print(list(filter(None, vals)))
print([v for v in vals if not v])
print(sum(v > 0 for v in [3, -1, 4, 0, 5]), sum([True] * 5))
print(sorted([True, False, True, False]), sorted([1, True, 0, False, 2], key=lambda x: (x, type(x).__name__)))
d = {True: "t", 0: "zero"}
d[1] = "one"
d[False] = "false"
print(d)
n = 3
while n:
    n -= 1
print("loop ended at", n)
s = "abc"
while s:
    s = s[1:]
print(repr(s))
print(True + 0.5, str(True) + "!", f"{True:>6}|{False!r}|{True:d}", "%s %d" % (True, False))
print(int("1") == True, "True" == str(True), bool("False"))
