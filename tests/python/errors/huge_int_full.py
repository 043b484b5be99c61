# 2**(2**16) printed in full (19729 digits) after raising the int-to-str digit limit; and 3**20000.
import sys

sys.set_int_max_str_digits(50000)
big = 2 ** (2 ** 16)
print(big)
print(len(str(big)))
print(3 ** 20000)
