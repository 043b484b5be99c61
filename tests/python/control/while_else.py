# while loops: the else clause runs only when the condition becomes false
# (not after break), continue skips to the test, and nested loops.
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n", n)
else:
    print("while-else ran, n =", n)
n = 0
while n < 10:
    n += 1
    if n == 4:
        print("breaking at", n)
        break
else:
    print("not printed")
while False:
    print("never")
else:
    print("else of a loop that never ran")
i = 0
while True:
    i += 1
    j = 0
    while j < i:
        j += 1
        if j == 2:
            break
    else:
        print("inner completed for i =", i)
        continue
    print("inner broke for i =", i)
    if i >= 4:
        break
def find(items, target):
    k = 0
    while k < len(items):
        if items[k] == target:
            return k
        k += 1
    return -1
print(find([4, 5, 6], 6), find([4, 5, 6], 7))
count = 10
while count:
    count -= 3
    if count < 0:
        break
print(count)
