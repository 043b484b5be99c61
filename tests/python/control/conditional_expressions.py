# Conditional expressions: nesting (right-associative), inside
# comprehensions, lambdas, call arguments and f-strings, and evaluating
# only the selected branch.
def sign(x):
    return "neg" if x < 0 else "zero" if x == 0 else "pos"
print([sign(v) for v in (-2, 0, 3)])
print([x if x % 2 else -x for x in range(5)], [("even" if x % 2 == 0 else "odd") for x in range(3)])
fizz = ["FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i) for i in range(1, 16)]
print(" ".join(fizz))
calls = []
def side(name):
    calls.append(name)
    return name
r = side("then") if side("cond") else side("else")
print(r, calls)
clamp = lambda v, lo, hi: lo if v < lo else hi if v > hi else v
print(clamp(-5, 0, 10), clamp(50, 0, 10), clamp(5, 0, 10))
n = 1
print(f"{n} item{'s' if n != 1 else ''}", f"{2} item{'s' if 2 != 1 else ''}")
print(max(3, 7) if True else min(3, 7), (1 if False else 2) * 10)
