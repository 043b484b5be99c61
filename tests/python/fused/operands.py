# Loads of a local fused with the operation using it (arithmetic,
# attribute store, subscript, global, method) where the fast case does not
# apply: other types, overflow, errors, and their lines.


class Point:
    __slots__ = ("x", "y")


class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)


def arithmetic(a, b):
    out = []
    out.append(a + b)
    out.append(a - b)
    out.append(a * b)
    c = a
    c += b
    out.append(c)
    c *= b
    out.append(c)
    return out


print(arithmetic(3, 4))
print(arithmetic(2**62, 2**62))
print(arithmetic(-2**62, 2**62))
print(arithmetic(1.5, 2.5))
print(arithmetic(1, 2.5))
print(arithmetic(True, True))


def divide(a, b):
    try:
        q = a // b
        r = a % b
        t = a / b
        return q, r, t
    except ZeroDivisionError as e:
        return "ZeroDivisionError: %s line %d" % (e, e.__traceback__.tb_lineno)


print(divide(7, 2), divide(-7, 2), divide(7, -2), divide(7.5, 2.0), divide(1, 0), divide(1.0, 0.0))


def mixed(a, b):
    try:
        return a + b
    except TypeError as e:
        return "TypeError: %s line %d" % (e, e.__traceback__.tb_lineno)


print(mixed(1, "x"), mixed([], ()), mixed(None, 1), mixed("ab", "cd"), mixed([1], [2]))


def attributes():
    p = Point()
    v = 5
    p.x = v
    p.y = v + 1
    p.x = p.y
    print(p.x, p.y)
    try:
        p.z = v
    except AttributeError as e:
        print("AttributeError:", e)
    q = Logged()
    for i in range(3):
        q.a = i
    print(q.a)
    objs = [Logged(), Point()]
    for o in objs:
        try:
            o.x = 1
        except AttributeError as e:
            print("error", e)
    return p


attributes()


def subscripts(seq, i, d, k):
    out = [seq[i]]
    try:
        out.append(seq[i + 100])
    except IndexError as e:
        out.append("IndexError: %s" % e)
    out.append(d[k])
    out.append(seq[-1])
    j = True
    out.append(seq[j])
    big = 2**70
    try:
        out.append(seq[big])
    except IndexError as e:
        out.append("IndexError: %s" % e)
    return out


print(subscripts([1, 2, 3], 1, {"k": "v"}, "k"), subscripts("xyz", 0, {1: 2}, 1))
print(subscripts((4, 5), -2, {(1, 2): "t"}, (1, 2)))

LIMIT = 3


def globals_and_methods(items):
    total = 0
    for x in items:
        if x > LIMIT:
            total = total + len(str(x))
    s = "a,b"
    parts = s.split(",")
    parts.append(total)
    return parts


print(globals_and_methods([1, 5, 100, 2]))
LIMIT = 50
print(globals_and_methods([1, 5, 100, 2]))
del LIMIT
try:
    globals_and_methods([1])
except NameError as e:
    print("NameError:", e)
