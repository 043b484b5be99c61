# Name resolution order LEGB: local, enclosing function, global, builtin;
# shadowing a builtin globally and locally, and deleting the shadow to
# reveal the builtin again.
x = "global x"
def outer():
    x = "enclosing x"
    def inner():
        x = "local x"
        return x
    def reads_enclosing():
        return x
    return inner(), reads_enclosing()
print(outer(), x)
def uses_builtin():
    return len("abc")
len = lambda s: "shadowed len"
print(uses_builtin(), len("abc"))
del len
print(len("abc"), uses_builtin())
def local_shadow():
    max = "local max"
    return max
print(local_shadow(), max(1, 2))
def enclosing_shadow():
    print = "not callable"
    def inner():
        return print
    return inner()
print(enclosing_shadow())
def globals_read():
    return x.upper()
print(globals_read())
y = 1
def param_shadow(y):
    y += 1
    return y
print(param_shadow(10), y)
