# Closures capture variables, not values: functions made in a loop all see
# the last value, unless a default argument or factory freezes each one;
# a closure sees later assignments to its cell.
funcs = []
for i in range(4):
    def f():
        return i
    funcs.append(f)
print([g() for g in funcs])
i = 99
print([g() for g in funcs])
frozen = [(lambda v=i: v) for i in range(4)]
print([g() for g in frozen])
def factory(n):
    return lambda: n
made = [factory(k) for k in range(4)]
print([g() for g in made])
def outer():
    x = 1
    def show():
        return x
    x = 2
    r1 = show()
    x = 3
    return r1, show()
print(outer())
def comp_closures():
    return [lambda: j for j in range(3)]
print([g() for g in comp_closures()])
def generator_closures():
    return list(lambda j=j: j * 10 for j in range(3))
print([g() for g in generator_closures()])
def counter_pair():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def peek():
        return count
    return inc, peek
inc, peek = counter_pair()
inc(); inc()
print(peek())
