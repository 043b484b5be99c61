# exec: statements from strings, effects on module globals, multi-line code, returns None, syntax errors.
print(exec("x = 5"))
print(x)
exec("def square(n):\n    return n * n\n")
print(square(9))
exec("for i in range(3):\n    print('loop', i)")
exec("class K:\n    val = 7")
print(K.val)
code = """
total = 0
for n in range(10):
    if n % 2:
        total += n
"""
exec(code)
print(total)
try:
    exec("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print(type(e).__name__, e)
try:
    exec(5)
except TypeError as e:
    print(type(e).__name__, e)
exec(compile("y = 'compiled'", "<string>", "exec"))
print(y)


def inside():
    exec("z = 1")
    return "z" in globals()


print(inside())
exec("print('expression statement')")
print(exec("42"))
