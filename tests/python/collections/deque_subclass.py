# Subclasses of deque: their own __init__, overridden and extended methods, super(), isinstance, repr with the class name, copies of the subclass.
from collections import deque


class Bounded(deque):
    def __init__(self, items, limit):
        super().__init__(items, maxlen=limit)
        self.label = "bounded"

    def append(self, x):
        super().append(x * 10)


class Stack(deque):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]

    def __repr__(self):
        return "Stack<" + ", ".join(map(str, self)) + ">"


class Plain(deque):
    pass


b = Bounded([1, 2, 3], 3)
b.append(4)
print(b, b.label, b.maxlen, len(b), isinstance(b, deque), type(b).__name__)
b.appendleft(0)
print(b, list(b), b[0], b[-1], 10 in b)
s = Stack()
s.push(1).push(2).push(3)
print(s, s.peek(), s.pop(), s, len(s), bool(s), bool(Stack()))
p = Plain("abc")
print(p, repr(p), str(p), p == deque("abc"), deque("abc") == p, p < Plain("abd"))
q = p.copy()
print(type(q).__name__, q, q is p)
print(type(p + deque("d")).__name__, p + deque("d"), type(p * 2).__name__, p * 2)
p += "xy"
p *= 2
print(type(p).__name__, p)
p.rotate(1)
p.extendleft([1, 2])
p[0] = "first"
del p[1]
print(p, p.count("x"), p.index("y"), p.popleft(), p.pop())
print(list(reversed(Plain([1, 2, 3]))), sorted(Plain([3, 1, 2])), [x for x in Plain("hi")])
print(issubclass(Plain, deque), isinstance(deque(), Plain), Plain.__mro__)
print(deque.__name__, deque.__qualname__, deque.__module__, deque, Plain.__module__)
print(type(deque()) is deque, isinstance(deque(), deque), deque.__bases__)
try:
    hash(Plain())
except TypeError as e:
    print("TypeError", e)
bm = Plain([1], 3)
print(bm, bm.copy(), bm.copy().maxlen)


class Counted(deque):
    made = 0

    def __init__(self, *args):
        Counted.made += 1
        super().__init__(*args)


c = Counted([1, 2], 4)
c2 = c.copy()
print(Counted.made, c2, c2.maxlen, type(c2).__name__)
print(deque.append, type(deque.maxlen).__name__ in ("property", "getset_descriptor"))
