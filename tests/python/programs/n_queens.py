# N-queens with a generator yielding every solution (backtracking with
# sets of attacked columns and diagonals), solution counts for n = 1..8,
# the first solution for n = 8 drawn as a board.
def queens(n):
    cols, diag1, diag2 = set(), set(), set()
    placement = []
    def place(row):
        if row == n:
            yield tuple(placement)
            return
        for c in range(n):
            if c in cols or row - c in diag1 or row + c in diag2:
                continue
            cols.add(c); diag1.add(row - c); diag2.add(row + c); placement.append(c)
            yield from place(row + 1)
            cols.remove(c); diag1.remove(row - c); diag2.remove(row + c); placement.pop()
    return place(0)
print([sum(1 for _ in queens(n)) for n in range(1, 9)])
first = next(queens(8))
print(first)
for c in first:
    print(" ".join("Q" if i == c else "." for i in range(8)))
def valid(sol):
    n = len(sol)
    return all(sol[i] != sol[j] and abs(sol[i] - sol[j]) != j - i for i in range(n) for j in range(i + 1, n))
sols = list(queens(6))
print(sols, all(valid(s) for s in sols))
g = queens(4)
print(next(g), next(g), next(g, "no more"))
def symmetric(sol):
    n = len(sol)
    return tuple(n - 1 - c for c in sol)
print([symmetric(s) for s in queens(5)][:3])
