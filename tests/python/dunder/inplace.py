# Augmented assignment: __iadd__ and friends mutate and return self; when
# absent, x += y falls back to x = x + y (rebinding, so aliases differ);
# returning NotImplemented from __iadd__ also falls back.
class Bag:
    def __init__(self, items):
        self.items = list(items)
    def __iadd__(self, other):
        print("  __iadd__")
        self.items.extend(other)
        return self
    def __add__(self, other):
        print("  __add__")
        return Bag(self.items + list(other))
    def __imul__(self, n):
        self.items *= n
        return self
    def __repr__(self):
        return f"Bag({self.items})"
b = Bag([1])
alias = b
b += [2, 3]
print(b, alias, b is alias)
b *= 2
print(b)
class NoInplace:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("  __add__ fallback")
        return NoInplace(self.v + o)
n = NoInplace(1)
m = n
n += 5
print(n.v, m.v, n is m)
class Declines:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("  __iadd__ declines")
        return NotImplemented
    def __add__(self, o):
        return Declines(self.v + o)
d = Declines(1)
d += 1
print(d.v)
class ReturnsOther:
    def __iadd__(self, o):
        return "replaced"
r = ReturnsOther()
r += 1
print(r)
class Every:
    def __init__(self): self.log = []
    def __isub__(self, o): self.log.append("isub"); return self
    def __ifloordiv__(self, o): self.log.append("ifloordiv"); return self
    def __itruediv__(self, o): self.log.append("itruediv"); return self
    def __imod__(self, o): self.log.append("imod"); return self
    def __ipow__(self, o): self.log.append("ipow"); return self
    def __iand__(self, o): self.log.append("iand"); return self
    def __ior__(self, o): self.log.append("ior"); return self
    def __ixor__(self, o): self.log.append("ixor"); return self
    def __ilshift__(self, o): self.log.append("ilshift"); return self
    def __irshift__(self, o): self.log.append("irshift"); return self
e = Every()
e -= 1; e //= 1; e /= 1; e %= 1; e **= 1; e &= 1; e |= 1; e ^= 1; e <<= 1; e >>= 1
print(e.log)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2)
lst = [[1]]
lst[0] += [2]
print(lst)
