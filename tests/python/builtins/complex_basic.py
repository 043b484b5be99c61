# complex: literals, the constructor from numbers and strings, arithmetic
# mixed with ints and floats, powers, abs, equality, hash, repr, errors.
z = 3 + 4j
print(z, -z, +z, z.real, z.imag, z.conjugate(), abs(z), type(z).__name__)
print(z + 1, 1 + z, z - 2.5, 2.5 - z, z * 2, 2 * z, z * z, z / 2, 1 / z, z / (1 - 2j))
print(z ** 2, z ** -1, z ** 0, z ** 0.5, 2 ** z, (1j) ** 2, (-1) ** 0.5, (-8) ** (1 / 3))
print(z == 3 + 4j, z != 3, complex(2) == 2, complex(2) == 2.0, 1j == 1, 0j == 0, bool(0j), bool(1e-300j))
print(hash(complex(2)) == hash(2), hash(1.5 + 0j) == hash(1.5), hash(1j) == hash(1j))
print(complex(), complex(1), complex(1.5, 2), complex(1, 2j), complex(1j, 1j), complex(real=2, imag=-1))
for s in ["1+2j", " (3-4j) ", "5j", "-j", "+j", "2.5", "1e3-1e-3j", "inf+nanj", "-1.5e+2J"]:
    print(repr(s), complex(s))
print(repr(complex(1.5, -0.0)), repr(complex(-0.0, 1)), repr(complex(0, -0.0)), 1e300j * 1e10)
for bad in ["", "1+", "j1", "1 + 2j", "(1+2j", "abc"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
for args in [([],), ("1", 2), (1, "2"), (None,)]:
    try:
        complex(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for expr in [lambda: 1j < 2j, lambda: 1j // 2, lambda: 1j % 2, lambda: 1j / 0, lambda: 0j ** -1, lambda: divmod(1j, 1),
             lambda: int(1j), lambda: float(1j)]:
    try:
        print(expr())
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
class C:
    def __complex__(self):
        return 2 + 3j
print(complex(C()), {1j: "a", 1j + 0: "b"}, sum([1j, 2, 0.5]), [1j, 2j].index(2j))
