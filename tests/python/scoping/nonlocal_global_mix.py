# nonlocal and global together: each inner function chooses which scope a
# name belongs to, nonlocal skips class scopes, and the SyntaxErrors for
# nonlocal without a binding are compile-time (shown via compile()).
v = "global v"
def outer():
    v = "outer v"
    def use_global():
        global v
        v = "global v changed"
    def use_nonlocal():
        nonlocal v
        v = "outer v changed"
    use_global()
    before = v
    use_nonlocal()
    return before, v
print(outer(), v)
def through_class():
    z = "function z"
    class K:
        z = "class z"
        def change(self):
            nonlocal z
            z = "changed via method"
    K().change()
    return z, K.z
print(through_class())
for src in ["def f():\n    nonlocal q\n", "nonlocal x\n", "def f(a):\n    global a\n"]:
    try:
        compile(src, "<test>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
def counter():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
add = counter()
add(5)
print(add(10))
