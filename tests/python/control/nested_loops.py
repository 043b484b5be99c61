# Nested loops: breaking out of several levels with flags, functions and
# for-else; building tables; iteration over a list being modified via copy.
grid = [[r * 4 + c for c in range(4)] for r in range(4)]
for row in grid:
    print(" ".join(f"{v:2}" for v in row))
target = 9
found = None
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == target:
            found = (r, c)
            break
    if found:
        break
print("found", found)
def search(t):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == t:
                return r, c
    return None
print(search(14), search(99))
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if i + j == 3:
            break
        print(i, j)
pairs = []
for a in range(1, 5):
    for b in range(a, 5):
        for c in range(b, 10):
            if a * a + b * b == c * c:
                pairs.append((a, b, c))
print(pairs)
nums = [1, 2, 3, 4, 5, 6]
for n in nums[:]:
    if n % 2 == 0:
        nums.remove(n)
print(nums)
count = 0
for i in range(50):
    for j in range(50):
        if (i * j) % 7 == 3:
            count += 1
print(count)
