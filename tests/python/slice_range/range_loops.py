# range() in loops: big bounds, negative steps, modifying the loop variable
# (no effect on iteration), and iterating a range twice.
total = 0
for i in range(10 ** 6, 10 ** 6 + 1000, 7):
    total += i
print(total)
for i in range(5):
    i *= 10
    print(i, end=" ")
print()
r = range(3)
print([x for x in r], [x for x in r])
it = iter(range(3))
print(next(it), list(it), list(it))
for i in range(10, -1, -5):
    print(i)
n = 0
for _ in range(0):
    n += 1
print(n)
print(list(range(-1)), list(range(2, 1)), list(range(1, -2, -1)))
