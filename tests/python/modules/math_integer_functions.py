# math integer functions: gcd/lcm (several args, negatives, zero), factorial, comb, perm, isqrt; errors.
import math

print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 5), math.gcd(0, 0), math.gcd(7), math.gcd(), math.gcd(12, 18, 27))
print(math.gcd(2**100, 6**50), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 3), math.lcm(), math.lcm(-4, 6))
print([math.factorial(n) for n in range(11)], math.factorial(30))
print(len(str(math.factorial(500))), math.factorial(True))
print(math.comb(5, 2), math.comb(10, 0), math.comb(10, 10), math.comb(3, 5), math.comb(100, 50))
print(math.perm(5, 2), math.perm(5), math.perm(5, 0), math.perm(3, 5), math.perm(20, 10))
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100]], math.isqrt(10**40), math.isqrt(2**127))
for f, args in [(math.factorial, (-1,)), (math.factorial, (2.5,)), (math.comb, (-1, 2)), (math.comb, (5, -1)),
                (math.perm, (-3, 1)), (math.isqrt, (-1,)), (math.gcd, (1.5, 2)), (math.comb, (5.0, 2)),
                (math.factorial, (5.0,)), (math.isqrt, (2.0,))]:
    try:
        print(f(*args))
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
print(math.comb(52, 5), math.perm(52, 5) // math.factorial(5))
print(sum(math.comb(10, k) for k in range(11)), 2**10)
