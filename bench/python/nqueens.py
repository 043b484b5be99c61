# bench-arg: 70
# test-arg: 4
# N-queens: every placement of n queens on an n x n board with no two
# attacking each other. A recursive generator places one queen per row,
# keeping the attacked columns and diagonals in sets, and yields each
# solution as a tuple of columns (`yield from` for the rows below).
# A second, generator-pipeline solver filters permutations from
# itertools by the diagonal sets, and must agree on the 7 x 7 board. The
# size is the number of boards solved, of sizes 4 to 10 in turn; prints
# each size's count and first and last solution, and a checksum over all.
import itertools
import sys

SMALLEST, LARGEST = 4, 10


def solve(n, row=0, columns=(), used_columns=frozenset(), sums=frozenset(),
          differences=frozenset()):
    if row == n:
        yield columns
        return
    for column in range(n):
        if column in used_columns or row + column in sums or row - column in differences:
            continue
        yield from solve(n, row + 1, columns + (column,), used_columns | {column},
                         sums | {row + column}, differences | {row - column})


def solve_by_permutations(n):
    return (p for p in itertools.permutations(range(n))
            if len({r + c for r, c in enumerate(p)}) == n
            and len({r - c for r, c in enumerate(p)}) == n)


def main(boards):
    solved = {}
    checksum = 0
    for index in range(boards):
        size = SMALLEST + index % (LARGEST - SMALLEST + 1)
        solutions = list(solve(size))
        for solution in solutions:
            for column in solution:
                checksum = (checksum * 7 + column) % 1000003
        solved[size] = solutions
    for size in sorted(solved):
        solutions = solved[size]
        print("%d queens: %d solutions, first %s, last %s" % (
            size, len(solutions), solutions[0], solutions[-1]))
    if list(solve_by_permutations(7)) != sorted(solve(7)):
        raise RuntimeError("the two solvers disagree")
    print("checksum:", checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 70)
