# Integer algorithms on big values: gcd/lcm by Euclid, extended Euclid and
# modular inverse, fast modular exponentiation compared with pow(),
# Miller-Rabin with fixed bases, and factorisation by trial division.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
def modinv(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse mod {m}")
    return x % m
def power_mod(b, e, m):
    r = 1
    b %= m
    while e:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r
def is_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = power_mod(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
def factor(n):
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        out.append(n)
    return out
print(gcd(2 ** 100 - 1, 2 ** 60 - 1), gcd(-12, 18), gcd(0, 5), (2 ** 64 * 3) * 10 // gcd(2 ** 64 * 3, 10))
print(egcd(240, 46), modinv(17, 3120), modinv(3, 2 ** 61 - 1) * 3 % (2 ** 61 - 1))
try:
    modinv(6, 9)
except ValueError as e:
    print("ValueError:", e)
print(power_mod(3, 10 ** 20, 10 ** 9 + 7) == pow(3, 10 ** 20, 10 ** 9 + 7), power_mod(7, 0, 13))
print([n for n in range(100) if is_prime(n)])
print(is_prime(2 ** 61 - 1), is_prime(2 ** 67 - 1), is_prime(10 ** 18 + 9), is_prime(561))
print(factor(2 ** 32 + 1), factor(600851475143), factor(97), factor(1024))
