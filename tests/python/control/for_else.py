# for loops with else/break/continue over lists, strings, dicts, ranges and
# generators; loop variables persist after the loop; nested loops with
# flags versus else.
for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print("no break, x =", x)
for x in "abcde":
    if x == "c":
        print("found c")
        break
else:
    print("not printed")
print("x after loop:", x)
for x in []:
    print("never")
else:
    print("empty loop else")
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print("prime", n)
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for i, ch in enumerate("xyz", start=10):
    print(i, ch)
for a, b in zip([1, 2, 3], "pq"):
    print(a, b)
items = [1, 2, 3]
for item in items:
    if item == 1:
        items.append(4)
    print("item", item)
for i in range(3):
    pass
print("i =", i)
total = 0
for row in [[1, 2], [3], [], [4, 5, 6]]:
    for cell in row:
        total += cell
print(total)
