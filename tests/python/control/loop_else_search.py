# Search loops using for/else and while/else to report "not found",
# breaking out of the right level, and loop variables after break versus
# after exhaustion.
def first_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        return f"{n} is prime"
    return f"{n} divisible by {d}"
print([first_divisor(n) for n in (2, 9, 13, 91, 97)])
def find_pair(nums, target):
    for i, a in enumerate(nums):
        for b in nums[i + 1:]:
            if a + b == target:
                break
        else:
            continue
        return a, b
    return None
print(find_pair([1, 4, 6, 9], 10), find_pair([1, 2], 10), find_pair([5, 5], 10))
i = 0
while i < 3:
    i += 1
else:
    print("while exhausted with i =", i)
attempts = iter(["bad", "bad", "good", "later"])
while (a := next(attempts)) != "good":
    print("  rejected", a)
else:
    print("accepted", a)
for x in range(5):
    pass
print("after exhaustion x =", x)
for x in range(5):
    if x == 2:
        break
print("after break x =", x)
