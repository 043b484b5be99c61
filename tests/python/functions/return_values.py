# Return semantics: implicit None, multiple values as a tuple, early return
# from loops, return inside try/finally (finally wins), and nested functions.
def nothing():
    pass
def bare():
    return
def multi():
    return 1, "two", [3]
def early(xs):
    for x in xs:
        if x < 0:
            return x
    return "none negative"
print(nothing(), bare(), multi(), early([1, -2, -3]), early([]))
a, b, c = multi()
print(a, b, c)
def finally_wins():
    try:
        return "try"
    finally:
        return "finally"
print(finally_wins())
def finally_side_effect():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")
print(finally_side_effect())
def returns_function():
    def inner(x):
        return x * 3
    return inner
print(returns_function()(4))
def collatz_steps(n):
    steps = 0
    while True:
        if n == 1:
            return steps
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
print([collatz_steps(n) for n in range(1, 15)])
