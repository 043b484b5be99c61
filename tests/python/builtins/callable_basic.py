# callable: functions, lambdas, builtins, classes, instances with and without __call__, methods, values.
def f():
    pass


class WithCall:
    def __call__(self, x):
        return x * 2


class Without:
    def method(self):
        return 1


w = Without()
print(callable(f), callable(lambda: 0), callable(len), callable(int), callable(WithCall), callable(Without))
print(callable(WithCall()), callable(w), callable(w.method), callable(Without.method), callable(print))
print(callable(1), callable("s"), callable(None), callable([f]), callable(str.upper), callable("s".upper))
print(WithCall()(21))
w.__call__ = lambda: "instance attribute"
print(callable(w))
try:
    w()
except TypeError as e:
    print(type(e).__name__, e)
five = 5
try:
    five()
except TypeError as e:
    print(type(e).__name__, e)
text = "x"
try:
    text()
except TypeError as e:
    print(type(e).__name__, e)
try:
    callable()
except TypeError as e:
    print(type(e).__name__, e)
print(callable(type), callable(object()), callable(classmethod(f)) in (True, False))
