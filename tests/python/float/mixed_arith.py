# int/float mixing: promotion in every operator, float precision loss on
# big ints, augmented assignment changing the type, and bool operands.
print(1 + 1.0, 3 * 0.5, 10 - 0.25, 2 ** 0.5, 2.0 ** 3, 4 ** -0.5)
print(type(1 + 1.0).__name__, type(True + 0.5).__name__, type(2 * 3).__name__)
print(2 ** 53 + 1.0, float(2 ** 53 + 1), 2 ** 53 + 1 == 2 ** 53 + 1.0)
print(10 ** 20 * 1.0, 10 ** 22 + 0.0, 10 ** 23 + 0.0)
x = 1
x += 0.5
print(x, type(x).__name__)
x *= 2
print(x)
x -= 3
print(x, type(x).__name__)
print(0.1 * 3, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15)
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
print(1e16 + 1, 1e16 + 2, 1e16 + 1.0 == 1e16)
print(-2.0 ** 2, (-2.0) ** 2)
print((-8.0) ** 2, (-8.0) ** -1, 8.0 ** (1 / 3))
print(abs(-3.5), abs(3), -(-1.5), +(-1.5))
try:
    print(1.5 & 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1.5 << 1)
except TypeError as e:
    print(type(e).__name__, e)
