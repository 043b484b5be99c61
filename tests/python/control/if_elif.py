# if/elif/else chains: first true branch wins, conditions evaluated lazily
# in order, truthiness of non-bool conditions, nested ifs, pass.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 3, 10, 99, 100, 10 ** 10]:
    print(n, classify(n))
def check(name, result):
    print("  checking", name)
    return result
if check("a", False):
    print("a")
elif check("b", True):
    print("b")
elif check("c", True):
    print("c")
else:
    print("else")
for cond in [0, 1, "", "x", [], [0], None, 0.0, {}, {1: 1}]:
    if cond:
        print(repr(cond), "truthy")
    else:
        print(repr(cond), "falsy")
x = 7
if x > 5:
    if x % 2:
        print("big odd")
    else:
        print("big even")
if x:
    pass
if not x: print("never")
else: print("one-line else")
grade = "A" if x > 6 else "B"
print(grade)
