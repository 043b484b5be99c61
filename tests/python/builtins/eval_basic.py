# eval: expressions in the caller's scope, literals, comprehensions, errors for statements and bad code.
a = 10
print(eval("a + 5"), eval("[i * a for i in range(3)]"), eval("'x' * 3"), eval("{'k': (1, 2)}"))
print(eval("  1 + 2  "), eval("2 ** 10"), eval("len('four')"), eval("None"), eval("a if a > 5 else 0"))


def f():
    local = 7
    return eval("local * 2")


print(f())
print(eval("lambda q: q + a")(1))
print(eval("(1,\n 2)"))
for bad in ["x = 1", "import os", "1 +", "def f(): pass", ""]:
    try:
        eval(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
try:
    eval("undefined_name")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("1 / 0")
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    eval(42)
except TypeError as e:
    print(type(e).__name__, e)
print(eval(compile("3 * 3", "<s>", "eval")), eval("\t7"))
print(repr(eval("'\\n'")), eval("0x10 + 0o10 + 0b10"), eval("1_000 + 1e3"))
