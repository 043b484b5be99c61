# A generator that a `for` loop made (its iterable was a call or a
# generator expression) is closed when the loop is left early by `break`
# or `return`, as CPython's reference counting does at that point; one
# that a name still holds is not, and can be iterated further.


def numbers(tag, n):
    try:
        for i in range(n):
            yield i
    finally:
        print("  closed", tag)


def first_over(limit):
    for x in numbers("return", 10):
        if x > limit:
            return x
    return None


print("break:")
for x in numbers("break", 5):
    print(" ", x)
    if x == 1:
        break
print("after break")

print("return:", first_over(2))

print("nested:")
for a in numbers("outer", 3):
    for b in numbers("inner", 3):
        if b == 1:
            break
    if a == 1:
        break
print("after nested")

print("held by a name:")
g = numbers("held", 4)
for x in g:
    if x == 1:
        break
print("still open, next is", next(g))
g.close()

print("genexp:")
for y in (v * 10 for v in range(5)):
    if y >= 20:
        break
print("after genexp")


def stubborn():
    try:
        yield 1
        yield 2
    finally:
        print("  stubborn finally")


print("never started:")
for x in stubborn():
    break
print("done")


def loop_in_try():
    try:
        for x in numbers("in try", 5):
            if x == 2:
                return "returned " + str(x)
    finally:
        print("  try's finally")


print(loop_in_try())


def hot(n):
    total = 0
    for k in range(n):
        for x in numbers_quiet(k):
            if x == 2:
                break
            total += x
    return total


closed = []


def numbers_quiet(k):
    try:
        yield 0
        yield 1
        yield 2
        yield 3
    finally:
        closed.append(k)


print(hot(200), len(closed), closed[:3], closed[-1])
