# round(x, n): positive, zero and negative ndigits for ints and floats; results of each type.
print(round(3.14159, 2), round(3.14159, 0), round(3.14159, 4), round(3.14159, 10))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -1), round(1234.5678, -2), round(1234.5678, -4), round(5678.9, -4))
print(round(1234, -1), round(1235, -1), round(1245, -1), round(-1255, -1), round(1250, -2))
print(round(1234, 2), round(-15, -1), round(25, -1), round(35, -1))
print(type(round(3.7, 0)).__name__, type(round(37, -1)).__name__, type(round(37, None)).__name__)
print(round(10**25 + 5 * 10**5, -6), round(12345678901234567890, -10))
print(round(0.5, 0), round(1.5, 0), round(-0.5, 0), round(2.5, 0))
print(round(1e300, -300), round(1e-300, 300), round(123.456, -400), round(123.456, 400))
print(round(float("inf"), 2), round(float("nan"), 2), round(-0.0, 1))
print(round(5e-324, 323), round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17))
try:
    round(1.5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(15, "1")
except TypeError as e:
    print(type(e).__name__, e)
for n in range(-3, 4):
    print(n, round(987.654321, n), round(987654, n))
