# Comprehension scoping: the loop variable does not leak, the first
# iterable is evaluated in the enclosing scope, later clauses see the
# comprehension's own variables, and class bodies are not enclosing scopes.
x = "outer"
result = [x for x in range(3)]
print(result, x)
y = 10
print([y * i for i in range(3)])
print([[i, j] for i in range(2) for j in range(i, 3)])
def f():
    n = 3
    return [n * k for k in range(n)]
print(f())
class C:
    limit = 3
    items = [i for i in range(limit)]
    try:
        pairs = [(i, limit) for i in range(2)]
    except NameError as e:
        pairs = f"NameError: {e}"
print(C.items, C.pairs)
i = "unchanged"
s = {i for i in "ab"}
d = {i: i for i in range(2)}
g = list(i for i in range(2))
print(i)
fns = [lambda: k for k in range(3)]
print([fn() for fn in fns])
data = [[1, 2], [3, 4]]
print([v for data_row in data for v in data_row], data)
