# Class scope: names in the class body are not visible inside methods or
# nested functions (only via self/the class), but the class body can read
# enclosing function locals and globals; a class body's assignment does
# not make the name local to a method.
g = "global"
def make_class():
    local_to_func = "enclosing"
    class C:
        attr = "class attr"
        seen = local_to_func
        copy_of_global = g
        def method(self):
            try:
                return attr
            except NameError as e:
                return f"NameError: {e}"
        def via_self(self):
            return self.attr, C.attr, local_to_func
    return C
C = make_class()
c = C()
print(C.seen, C.copy_of_global, c.method(), c.via_self())
class Counter:
    n = 0
    n = n + 1
    values = [n]
    n += 10
print(Counter.n, Counter.values)
x = "module x"
class Shadow:
    x = "class x"
    def get(self):
        return x
print(Shadow().get(), Shadow.x)
def f():
    y = "function y"
    class Inner:
        y = "class y"
        def m(self):
            return y
    return Inner().m()
print(f())
class Outer:
    value = 1
    class Nested:
        try:
            copied = value
        except NameError as e:
            copied = f"NameError: {e}"
print(Outer.Nested.copied)
