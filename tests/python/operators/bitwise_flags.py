# Bit flags with ints: combining with |, testing with &, clearing with
# & ~, toggling with ^, counting bits, and rendering flag sets.
READ, WRITE, EXEC, HIDDEN = 1, 2, 4, 8
NAMES = {READ: "read", WRITE: "write", EXEC: "exec", HIDDEN: "hidden"}
def show(flags):
    return "|".join(NAMES[f] for f in sorted(NAMES) if flags & f) or "none"
perm = READ | WRITE
print(perm, show(perm), bool(perm & EXEC), bool(perm & WRITE))
perm |= EXEC
print(show(perm))
perm &= ~WRITE
print(show(perm), perm)
perm ^= HIDDEN
perm ^= READ
print(show(perm), bin(perm), perm.bit_count() if hasattr(perm, "bit_count") else bin(perm).count("1"))
print([show(f) for f in range(16) if f & (f - 1) == 0])
mask = (1 << 8) - 1
print(mask, 0x1234 & mask, (0x1234 >> 8) & mask, ~0 & mask, -1 & 0xFFFF)
x = 0b1011_0110
lowest = x & -x
print(lowest, x & (x - 1), bin(x ^ (x >> 1)))
print([(n, n & 1 == 0) for n in range(-3, 3)])
