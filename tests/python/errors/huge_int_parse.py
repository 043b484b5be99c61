# int() of a string longer than 4300 digits raises ValueError (the 3.11 limit); base 16 strings are exempt.
import sys

digits = "7" * 5000
try:
    int(digits)
except ValueError as e:
    print(type(e).__name__, e)
print(int("1" * 4300) % 1000)
v = int("f" * 5000, 16)
print(v.bit_length(), v % 2**20)
sys.set_int_max_str_digits(10000)
n = int(digits)
print(n % 10**6, n.bit_length(), len(str(n)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
sys.set_int_max_str_digits(640)
try:
    str(10 ** 640)
except ValueError as e:
    print(type(e).__name__)
print(len(str(10 ** 639)))
