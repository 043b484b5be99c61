# 10**100000: arithmetic works, but str() beyond 4300 digits raises ValueError until the limit is lifted.
import sys

x = 10 ** 100000
print(x.bit_length(), x % 10**12, (x + 7) % 1000, x // 10**99990, x > 10**99999)
try:
    s = str(x)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(x)
except ValueError as e:
    print("print:", type(e).__name__)
try:
    f"{x}"
except ValueError as e:
    print("f-string:", type(e).__name__)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
s = str(x)
print(len(s), s[:5], s[-5:], s.count("0"), s.count("1"))
y = 2 ** (2 ** 20)
print(y.bit_length(), y % 10**30, y % 9)
sys.set_int_max_str_digits(4300)
print(len(str(10 ** 4299)))
try:
    str(10 ** 4300)
except ValueError as e:
    print(type(e).__name__)
print(hex(y)[:10], len(hex(y)), len(bin(x)))
