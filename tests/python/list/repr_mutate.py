# repr of lists whose items change the list while they are printed, and
# of lists that contain themselves.
class Shrinker:
    def __init__(self, target):
        self.target = target
    def __repr__(self):
        self.target.pop()
        return "S"

l = [1, 2, 3]
l.insert(0, Shrinker(l))
print(repr(l), l)
l = [1, [2, [3]]]
l[1][1].append(l)
print(l)
d = {"k": []}
d["k"].append(d)
print(d)
deep = []
for i in range(5):
    deep = [deep, i]
print(deep)
