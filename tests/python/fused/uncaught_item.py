# An item read into a local failing (`v = s[i]`), uncaught: the traceback
# names the line of the read.


def pick(s, i):
    v = s[i]
    return v


print(pick([1, 2, 3], 1))
print(pick({"a": 1}, "b"))
