# Assignment expressions (:=) in if, while, comprehensions (binding in the
# enclosing scope) and in nested expressions; parenthesised where required.
data = [1, 5, 12, 3, 20, 7]
if (n := len(data)) > 5:
    print("long list", n)
values = iter(data)
while (v := next(values, None)) is not None:
    if v > 10:
        print("big", v)
print("v after loop:", v)
squares = [y for x in range(6) if (y := x * x) % 2 == 0]
print(squares, "y leaked:", y)
total = 0
running = [total := total + x for x in [1, 2, 3, 4]]
print(running, total)
print((a := 10) + (b := 20), a, b)
def f():
    if any((hit := item) > 4 for item in [1, 3, 5, 7]):
        return hit
print(f())
print([(z := i) * 2 for i in range(3)], z)
x = (w := 3) ** 2
print(x, w)
result = [m for line in ["a=1", "b", "c=3"] if (m := line.partition("=")[2])]
print(result)
