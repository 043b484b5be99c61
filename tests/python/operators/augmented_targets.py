# Augmented assignment on every target kind: names, attributes,
# subscripts and slices; the target expression is evaluated once; and
# immutable objects rebind while mutable ones change in place.
log = []
class Obj:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        log.append("get v")
        return self._v
    @v.setter
    def v(self, value):
        log.append(f"set v {value}")
        self._v = value
o = Obj()
o.v += 10
print(o.v, log)
log.clear()
def index():
    log.append("index evaluated")
    return 1
lst = [10, 20, 30]
lst[index()] *= 3
print(lst, log)
d = {"n": 1}
d["n"] += 1
d.setdefault("m", []).append(1)
d["m"] += [2]
print(d)
s = list(range(6))
s[1:3] += ["x"]
print(s)
t = (1,)
alias = t
t += (2,)
print(t, alias)
m = [1]
alias = m
m += [2]
print(m, alias, m is alias)
st = "a"
st += "b" * 2
print(st)
