# Overriding: subclass methods replace parent ones even when called from
# parent code, attribute shadowing across the hierarchy, overriding with
# different signatures, and extending builtins (list, dict).
class Logger:
    prefix = "LOG"
    def log(self, msg):
        return f"{self.prefix}: {self.format(msg)}"
    def format(self, msg):
        return msg
class Loud(Logger):
    prefix = "LOUD"
    def format(self, msg):
        return msg.upper() + "!"
class Quiet(Loud):
    def format(self, msg, suffix="..."):
        return msg.lower() + suffix
print(Logger().log("Hi"), Loud().log("Hi"), Quiet().log("Hi"))
class Stack(list):
    def push(self, item):
        self.append(item)
    def peek(self):
        return self[-1]
    def append(self, item):
        super().append(item * 2)
s = Stack([1, 2])
s.push(5)
print(s, s.peek(), len(s), isinstance(s, list), type(s).__name__, s + [0], type(s + [0]).__name__)
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = f"made {key}"
        return self[key]
d = DefaultDict(a=1)
print(d["a"], d["b"], d, d.get("c"), "c" in d)
class CaseInsensitive(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
    def __getitem__(self, key):
        return super().__getitem__(key.lower())
ci = CaseInsensitive()
ci["Hello"] = 1
print(ci["HELLO"], ci, list(ci))
class MyInt(int):
    def __add__(self, other):
        return MyInt(int(self) + int(other) + 1000)
print(MyInt(1) + 2, 2 + MyInt(1), type(MyInt(1) + 2).__name__, MyInt(5) * 2, type(MyInt(5) * 2).__name__)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
print(MyStr("hey").shout(), MyStr("a") + "b", type(MyStr("a") + "b").__name__, MyStr("x") == "x")
