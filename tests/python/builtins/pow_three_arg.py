# pow(base, exp, mod): modular exponentiation, negative mod, negative exponent (inverse), the errors.
print(pow(2, 10, 1000), pow(3, 200, 13), pow(7, 0, 5), pow(7, 0, 1))
print(pow(2, 10, -7), pow(-2, 3, 5), pow(-2, 3, -5))
print(pow(12345678901234567890, 98765432109876543210, 10**9 + 7))
print(pow(3, -1, 7), pow(2, -1, 9), pow(5, -2, 13), pow(38, -1, 97))
print(pow(4, 1, 1), pow(0, 5, 3))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 5.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, 0.5, 5)
except TypeError as e:
    print(type(e).__name__, e)
for m in range(2, 12):
    print(m, [pow(b, e, m) for b in range(4) for e in range(3)])
print(pow(2, 10**5, 10**9), pow(10**20, 3, 97))
