# l[i] and l[i] = v with small ints in hot loops (compiled inline), with
# negative indexes, indexes out of range, other key types and list
# subclasses at the same sites.
class MyList(list):
    pass

def reads(l, n):
    s = 0
    for i in range(n):
        s += l[i % len(l)] + l[-1 - i % len(l)]
    return s

def writes(l, n):
    for i in range(n):
        l[i % len(l)] = i
        l[-1] = -i
    return l

def faults(l, n):
    caught = 0
    for i in range(n):
        try:
            l[i % 7 - 3] = l[i % 9 - 4]
        except IndexError:
            caught += 1
    return caught

print(reads([1, 2, 3, 4, 5], 3000))
print(writes([0] * 6, 3000))
print(faults([0, 1, 2], 3000))
print(reads(MyList([1, 2, 3]), 3000))
print(reads((7, 8, 9), 3000))
d = [10, 20, 30]
for k in [0, True, -1, 2, False]:
    print(d[k], end=" ")
print()
try:
    d[1.0]
except TypeError as e:
    print(e)
try:
    d[2 ** 70]
except IndexError as e:
    print(e)

def unpack(n):
    out = 0
    for i in range(n):
        a, b, c = [i, i + 1, i + 2] if i % 50 else (i, i, i)
        out += a + b - c
    return out
print(unpack(3000))
try:
    for i in range(100):
        x, y = [1, 2, 3] if i == 99 else [1, 2]
except ValueError as e:
    print(e)
