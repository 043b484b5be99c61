# Evaluation order inside comprehensions: the outermost iterable once, the
# inner iterables once per outer item, the condition before the element
# expression, and exceptions aborting the whole comprehension.
log = []
def src(name, items):
    log.append(f"iter {name}")
    return items
def cond(x):
    log.append(f"cond {x}")
    return x % 2 == 0
def elem(x):
    log.append(f"elem {x}")
    return x * 10
result = [elem(x) for x in src("outer", [1, 2, 3, 4]) if cond(x)]
print(result)
print(log)
log.clear()
pairs = [(a, b) for a in src("A", [1, 2]) for b in src(f"B{a}", "xy")]
print(pairs, log)
log.clear()
d = {elem(k): cond(k) for k in src("dict", [2, 3])}
print(d, log)
partial = []
try:
    [partial.append(10 // x) for x in [5, 2, 0, 1]]
except ZeroDivisionError as e:
    print(type(e).__name__, e, partial)
counter = 0
def bump():
    global counter
    counter += 1
    return counter
print([bump() for _ in range(3)], counter, {bump() for _ in range(2)}, counter)
