# Floor division and modulo with every sign combination: the quotient rounds
# toward minus infinity and the remainder takes the divisor's sign.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (1, 5), (-1, 5)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
big = 10 ** 30 + 7
for a, b in [(big, 3), (-big, 3), (big, -3), (-big, -3), (3, big), (-3, big), (big, big), (big, -big)]:
    q, r = divmod(a, b)
    print(q, r, q * b + r == a)
for a in (5, -5, 2 ** 70, -(2 ** 70)):
    for zero_op in ("//", "%", "divmod"):
        try:
            if zero_op == "//":
                a // 0
            elif zero_op == "%":
                a % 0
            else:
                divmod(a, 0)
        except ZeroDivisionError as e:
            print(zero_op, type(e).__name__, e)
print(-1 // 2 ** 80, -1 % 2 ** 80)
print(2 ** 80 // -1, 2 ** 80 % -1)
print((-2) ** 63 // -1)
print(-9223372036854775808 // -1, -9223372036854775808 % -1)
print(True // 2, True % 2, 7 // True, -7 % True)
