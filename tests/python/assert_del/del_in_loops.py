# Removing items while iterating: del by index going backwards, building
# a new list, dict deletion over a copied key list, and del on a
# comprehension result; each checked against the intended result.
nums = list(range(20))
for i in range(len(nums) - 1, -1, -1):
    if nums[i] % 3 == 0:
        del nums[i]
print(nums)
wrong = list(range(10))
for i, v in enumerate(wrong):
    if v % 2 == 0:
        del wrong[i]
print("skips items when deleting forward:", wrong)
stock = {"apple": 0, "pear": 3, "fig": 0, "kiwi": 7}
for k in list(stock):
    if stock[k] == 0:
        del stock[k]
print(stock)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
for row in grid:
    del row[1]
del grid[1]
print(grid)
s = list("abcdefgh")
del s[1::2]
print("".join(s))
