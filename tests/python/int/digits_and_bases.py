# Converting big ints between bases by hand and with builtins: digit sums,
# base-n strings via repeated divmod, round trips through int(s, base),
# palindromes in several bases, and factorial digit counts.
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(digits[r])
    return sign + "".join(reversed(out))
for n in [0, 5, -255, 2 ** 64, 10 ** 30 + 17, -(3 ** 40)]:
    reps = [to_base(n, b) for b in (2, 7, 16, 36)]
    print(n, reps, all(int(r, b) == n for r, b in zip(reps, (2, 7, 16, 36))))
print(to_base(255, 16) == hex(255)[2:], to_base(-8, 8) == oct(-8).replace("0o", ""), to_base(2 ** 100, 2) == bin(2 ** 100)[2:])
f = 1
for i in range(1, 101):
    f *= i
s = str(f)
print(len(s), sum(int(c) for c in s), len(s) - len(s.rstrip("0")))
print([n for n in range(1, 600) if to_base(n, 2) == to_base(n, 2)[::-1] and str(n) == str(n)[::-1]])
print(sum(int(c) for c in str(2 ** 1000)), str(2 ** 1000)[:10], str(7 ** 77)[-10:])
