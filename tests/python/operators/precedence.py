# Operator precedence and associativity: ** binds right and tighter than
# unary minus on its left, comparisons chain, not < and < or, shifts below
# arithmetic, bitwise & ^ | ordering, and conditional expressions lowest.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -2 ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 ** 2 ** 0, 7 // 2 * 2, 7 % 3 * 2, -7 // 2, -(7 // 2))
print(1 + 2 << 3, 1 + (2 << 3), 1 << 2 + 1, 16 >> 1 + 1, 6 & 3 | 8, 6 & (3 | 8), 5 ^ 3 & 1, (5 ^ 3) & 1, 1 | 2 ^ 3)
print(not 1 == 2, (not 1) == 2, not 0 and 0, not (0 and 0), 1 or 0 and 0, (1 or 0) and 0)
print(1 if 0 else 2 if 0 else 3, (1 if 1 else 2) + 10, 1 if True else 2 + 10)
print(3 > 2 == 2, (3 > 2) == 2, 1 < 2 < 3 < 4, 1 < 3 > 2, 1 == 1 != 2, 5 > 4 > 3 > 2 > 1 > 0 > -1)
print(-3 % 5, (-3) % 5, -(3 % 5), 2 * -3 ** 2, ~1 + 1, ~(1 + 1), -~3)
print("a" + "b" * 2, ("a" + "b") * 2, [1] + [2] * 2, not [] or [1])
x = 5
print(x > 3 and x < 10, x > 3 and x or "no", (x > 10) or x * 2, x and not x)
print(2 * 3 % 4, 2 * (3 % 4), 10 - 2 ** 3 // 3, (lambda: 1 + 2)(), [1, 2][0] + 1, -[1, 2][1])
print(1 in [1] == True, (1 in [1]) == True, None is not None)
