# __call__ makes instances callable (with any signature), callable()
# reports it; __bool__ and __len__ decide truthiness in if/while/not/and/or.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *more, scale=1):
        return (self.n + x + sum(more)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Adder), callable(Adder.__call__))
print(list(map(Adder(100), [1, 2, 3])))
try:
    add5()
except TypeError as e:
    print(type(e).__name__, e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
print(callable(NotCallable()), callable(len), callable(lambda: 0), callable("str"))
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class BoolWins:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
for obj in [Flag(True), Flag(False), Sized(0), Sized(2), BoolWins()]:
    print(type(obj).__name__, bool(obj), "yes" if obj else "no", not obj)
f = Flag(False)
print((f or "fallback"), (Flag(True) and "second"))
n = Sized(3)
while n:
    print("size", n.n)
    n.n -= 1
