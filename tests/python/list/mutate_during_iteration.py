# Lists changed while a for loop walks them, in loops hot enough to be
# compiled: the iterator reads the current length and items each step.
def grow_while_iterating(n):
    out = []
    for k in range(n):
        l = [0, 1, 2]
        seen = 0
        for x in l:
            seen += x
            if len(l) < 8:
                l.append(x + k)
        out.append(seen)
    return out

def shrink_while_iterating(n):
    total = 0
    for k in range(n):
        l = list(range(10))
        for x in l:
            if x % 2 == 0:
                l.remove(x)
            total += x
        total += len(l)
    return total

def replace_storage_while_iterating(n):
    sums = []
    for k in range(n):
        l = [1, 2, 3, 4]
        s = 0
        for i, x in enumerate(l):
            s += x
            if i == 1:
                l[:] = [10, 20, 30, 40, 50, 60]
            elif i == 3:
                del l[4:]
        sums.append(s)
    return sums

def clear_while_iterating(n):
    count = 0
    for k in range(n):
        l = [k, k + 1, k + 2]
        for x in l:
            count += 1
            l.clear()
    return count

print(grow_while_iterating(300)[-3:])
print(shrink_while_iterating(300))
print(replace_storage_while_iterating(300)[-2:])
print(clear_while_iterating(300))

# An iterator that reached the end stays finished, even if the list grows.
l = [1, 2]
it = iter(l)
print(list(it))
l.append(3)
print(list(it))
