# Unbounded recursion through __getattr__ (a missing attribute read inside __getattr__) and __setattr__.
class Proxy:
    def __getattr__(self, name):
        return getattr(self, "_" + name)


p = Proxy()
try:
    p.value
except RecursionError as e:
    print("getattr", type(e).__name__)


class Broken:
    def __init__(self):
        self.data = {}

    def __getattr__(self, name):
        return self.data[name]


try:
    Broken.__new__(Broken).anything
except RecursionError as e:
    print("missing data", type(e).__name__)


class SetLoop:
    def __setattr__(self, name, value):
        setattr(self, name, value)


try:
    SetLoop().x = 1
except RecursionError as e:
    print("setattr", type(e).__name__)


class Fine:
    def __getattr__(self, name):
        return name.upper()


print(Fine().hello, "done")
