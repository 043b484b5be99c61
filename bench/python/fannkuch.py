# bench-arg: 600
# test-arg: 10
# Fannkuch-redux over permutations of 0..9: for each permutation, count
# the pancake flips (reverse the first p[0] + 1 elements) until 0 is in
# front (the classic puzzle on 1..10, shifted down by one). The size is how
# many thousand permutations are visited, in generation order (10! =
# 3628800 in all), so the run time can be tuned finely. Prints a checksum
# (the flip counts summed with alternating sign) and the largest flip
# count, then the same for the whole of 0..6 as a known check. Flips are
# slice assignments with a negative step and permutations are made by
# rotating prefixes with slices (a prefix of length r+1 is back where it
# started after r+1 rotations, which count[r] counts down), so list
# slicing is the hot path.
import sys

LENGTH = 10


def fannkuch(n, limit):
    perm = list(range(n))
    count = [r + 1 for r in range(n)]
    max_flips = 0
    checksum = 0
    sign = 1
    for _ in range(limit):
        first = perm[0]
        if first:
            p = perm[:]
            flips = 0
            while first:
                p[:first + 1] = p[first::-1]
                flips += 1
                first = p[0]
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        sign = -sign
        r = 1
        while True:
            if r == n:
                return checksum, max_flips
            perm[:r + 1] = perm[1:r + 1] + perm[:1]
            count[r] -= 1
            if count[r] > 0:
                break
            count[r] = r + 1
            r += 1
    return checksum, max_flips


def main(thousands):
    checksum, max_flips = fannkuch(LENGTH, thousands * 1000)
    print("checksum:", checksum)
    print("max flips:", max_flips)
    # The whole of a smaller size, whose values are well known (228, 16).
    print("Pfannkuchen(7) = %d %d" % fannkuch(7, 5040))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600)
