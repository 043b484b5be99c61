# Comparisons mixing int, float and bool, including values no float can hold
# exactly, infinities, NaN, and ordering errors against other types.
print(1 == 1.0, 1 == True, 0 == False, 2 == True, 1.0 == True)
print(1 < 1.5, 2 > 1.5, -1 < -0.5, True < 2, False < 0.1)
big = 2 ** 53 + 1
print(big == float(big), big > float(big), float(big) < big, big - 1 == float(big - 1))
print(10 ** 400 > float("inf"), 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"))
nan = float("nan")
print(nan == nan, nan != nan, 1 < nan, 1 > nan, 1 == nan, 10 ** 400 == nan)
print(0 == -0.0, 0.0 == -0, 2 ** 1000 == 2.0 ** 1000, 2 ** 1000 + 1 == 2.0 ** 1000)
print(sorted([3, 1.5, True, -2, 0.0, 2 ** 64, False]))
print(max(1, 1.0), max(1.0, 1), min(0, False), min(False, 0))
for other in ["1", None, [1], (1,)]:
    try:
        print(1 < other)
    except TypeError as e:
        print(type(e).__name__, e)
print(1 == "1", 1 != None, (1 == [1]))
print(3 < 4 < 5, 3 < 4 > 5, 1 == 1.0 == True, 1 < 2.0 <= 2)
