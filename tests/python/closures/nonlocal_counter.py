# nonlocal rebinds a variable of the enclosing function: counters, state
# shared by several inner functions, and independence of separate closures.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(); inc(10)
print(get())
inc2, get2 = make_counter(100)
inc2()
print(get(), get2())
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    m = middle()
    return x, m
print(outer())
def accumulate():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    return add, items
add, items = accumulate()
add(1); add(2)
print(items)
def no_nonlocal():
    n = 0
    def bump():
        try:
            n += 1
        except UnboundLocalError as e:
            print(type(e).__name__, e)
    bump()
    return n
print(no_nonlocal())
def deep():
    a = 1
    def l1():
        def l2():
            def l3():
                nonlocal a
                a *= 10
            l3()
        l2()
    l1(); l1()
    return a
print(deep())
