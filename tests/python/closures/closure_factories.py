# Closure factories in practice: a configurable validator, an accumulator
# with reset, a rate-limited caller counting by ticks, and a memo shared by
# all functions created by one factory call.
def make_validator(min_len, forbidden):
    def validate(s):
        problems = []
        if len(s) < min_len:
            problems.append(f"shorter than {min_len}")
        for ch in forbidden:
            if ch in s:
                problems.append(f"contains {ch!r}")
        return problems or "ok"
    return validate
v = make_validator(5, "!?")
print(v("hello"), v("hi!"), v("what?!"))
def make_accumulator():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    def reset():
        nonlocal total
        old, total = total, 0
        return old
    return add, reset
add, reset = make_accumulator()
print(add(5), add(10), reset(), add(1))
def throttle(limit):
    ticks = {"now": 0, "used": 0}
    def tick():
        ticks["now"] += 1
        ticks["used"] = 0
    def call(fn, *a):
        if ticks["used"] >= limit:
            return "throttled"
        ticks["used"] += 1
        return fn(*a)
    return tick, call
tick, call = throttle(2)
print([call(pow, 2, i) for i in range(4)])
tick()
print(call(abs, -3))
def shared_cache():
    cache = {}
    def square(n):
        return cache.setdefault(("sq", n), n * n)
    def cube(n):
        return cache.setdefault(("cu", n), n ** 3)
    def size():
        return len(cache)
    return square, cube, size
sq, cu, size = shared_cache()
print(sq(3), cu(3), sq(3), size())
