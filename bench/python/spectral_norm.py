# bench-arg: 380
# test-arg: 30
# Spectral norm: the largest singular value of the infinite matrix
# A[i][j] = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to N x N,
# estimated by ten rounds of the power method on A^T A. Pure float loops
# over lists with an inner function call per element, so that call overhead
# and float arithmetic are what is measured. Prints the norm to 9 places.
import sys


def a_entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(v):
    n = len(v)
    result = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a_entry(i, j) * v[j]
        result.append(total)
    return result


def times_transposed(v):
    n = len(v)
    result = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a_entry(j, i) * v[j]
        result.append(total)
    return result


def at_times_a(v):
    return times_transposed(times(v))


def main(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = at_times_a(u)
        u = at_times_a(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print("%.9f" % (vbv / vv) ** 0.5)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 380)
