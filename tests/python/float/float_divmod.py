# Float floor division and modulo: sign of the remainder follows the
# divisor, -0.0 results, and mixing with ints.
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1.0, 0.1), (-1.0, 0.1), (5.0, 2.5), (-5.0, 2.5),
         (0.0, 3.0), (-0.0, 3.0), (0.0, -3.0), (1e-300, 1e300), (-1e-300, 1e300), (3, 0.7)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(7 // 2.0, 7 % 2.0, -7 // 2.0, -7 % 2.0, type(7 // 2.0).__name__)
inf = float("inf")
print(5.0 // inf, -5.0 // inf, 5.0 % inf, -5.0 % inf, 5.0 % -inf)
x = 10.0
x //= 3
print(x)
x %= 2
print(x)
print(divmod(-0.5, 1), divmod(0.5, -1))
