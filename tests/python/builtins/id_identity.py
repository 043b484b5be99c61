# id used only to compare identities: same object, copies, aliases, mutation through an alias, `is`.
a = [1, 2]
b = a
c = list(a)
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
b.append(3)
print(a, c)
x = None
print(id(x) == id(None), id(True) == id(1 > 0), id(()) == id(()) or True)
d = {"k": a}
print(id(d["k"]) == id(a))


class Obj:
    pass


o = Obj()
items = [o, o, Obj()]
print(id(items[0]) == id(items[1]), id(items[0]) == id(items[2]))
print(type(id(o)).__name__)


def ret(v):
    return v


print(id(ret(o)) == id(o), ret(o) is o)
s = "text"
print(id(s) == id(s), a is not c)
