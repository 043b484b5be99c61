# Globals and builtins that hot loops read, rebound while those loops are
# compiled: each loop must see the new binding from the next iteration on.
import builtins

FACTOR = 2


def set_factor(v):
    global FACTOR
    FACTOR = v


def scaled_sum(n, change_at):
    total = 0
    for i in range(n):
        if i == change_at:
            set_factor(FACTOR + 1)
        total += i * FACTOR
    return total


print(scaled_sum(300, 150))
print(scaled_sum(300, 10))
print(FACTOR)

# Rebinding through the globals dict.
def via_dict(n):
    total = 0
    for i in range(n):
        if i == n // 2:
            globals()["FACTOR"] = -1
        total += FACTOR
    return total


print(via_dict(400))

# A builtin rebound in the builtins module, then restored.
real_abs = builtins.abs


def with_abs(n):
    total = 0
    for i in range(n):
        if i == 100:
            builtins.abs = lambda x: 1000
        if i == 200:
            builtins.abs = real_abs
        total += abs(-i)
    return total


print(with_abs(300))

# A global that shadows a builtin appears, then goes away.
def shadowed(n):
    out = []
    for i in range(n):
        if i == 50:
            globals()["len"] = lambda x: -7
        if i == 80:
            del globals()["len"]
        out.append(len("abc"))
    return sum(out), out[49], out[50], out[79], out[80]


print(shadowed(120))

# A global rebound on every iteration (it must not stay a constant).
COUNTER = 0


def bump(n):
    global COUNTER
    for i in range(n):
        COUNTER = COUNTER + i
    return COUNTER


print(bump(500))
print(bump(500))

# A deleted global raises NameError at the next read.
GONE = 5


def read_gone(n):
    total = 0
    for i in range(n):
        if i == 70:
            del globals()["GONE"]
        try:
            total += GONE
        except NameError as e:
            return total, i, str(e)
    return total


print(read_gone(100))
