# Every binary arithmetic operator and its augmented form on ints, floats,
# strings, lists and tuples, plus unary operators.
x = 17
y = 5
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** 2, -x, +x, ~x)
print(x & y, x | y, x ^ y, x << y, x >> 2)
v = 10
v += 3; print(v)
v -= 1; print(v)
v *= 4; print(v)
v /= 3; print(v)
v //= 2; print(v)
v %= 5; print(v)
v **= 3; print(v)
w = 0b1100
w &= 0b1010; print(w)
w |= 0b0001; print(w)
w ^= 0b1111; print(w)
w <<= 4; print(w)
w >>= 2; print(w)
s = "ab"
s += "cd"
s *= 2
print(s)
l = [1]
l += [2]
l *= 2
print(l)
t = (1,)
t += (2,)
t *= 2
print(t)
print(-(-3), -+-3, +-+3, not not 3, ~~5, - - 2.5)
print(7 - -3, 7 + -3, 2 * -3, -2 ** 2, (-2) ** 2, 2 ** -1)
for bad in [lambda: [] - [], lambda: "a" / 2, lambda: {} + {}, lambda: (1,) * (2,), lambda: -"a", lambda: ~1.5]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
