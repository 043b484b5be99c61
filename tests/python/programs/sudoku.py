# A sudoku solver: parsing a grid string, candidate sets per cell,
# constraint propagation of singles, then backtracking on the cell with
# fewest candidates; prints the solved board and search statistics.
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
def parse(text):
    rows = [r for r in text.split() if r]
    return [[0 if ch == "." else int(ch) for ch in row] for row in rows]
def candidates(grid, r, c):
    used = set(grid[r]) | {grid[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {grid[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if d not in used]
stats = {"guesses": 0, "propagated": 0}
def solve(grid):
    while True:
        progress = False
        best = None
        for r in range(9):
            for c in range(9):
                if grid[r][c] == 0:
                    cand = candidates(grid, r, c)
                    if not cand:
                        return False
                    if len(cand) == 1:
                        grid[r][c] = cand[0]
                        stats["propagated"] += 1
                        progress = True
                    elif best is None or len(cand) < len(best[2]):
                        best = (r, c, cand)
        if not progress:
            break
    if best is None:
        return all(all(row) for row in grid)
    r, c, cand = best
    for d in cand:
        stats["guesses"] += 1
        trial = [row[:] for row in grid]
        trial[r][c] = d
        if solve(trial):
            grid[:] = trial
            return True
    return False
grid = parse(PUZZLE)
print(sum(v == 0 for row in grid for v in row), "empty cells")
print(solve(grid))
for i, row in enumerate(grid):
    if i and i % 3 == 0:
        print("------+-------+------")
    print(" | ".join(" ".join(str(v) for v in row[j:j + 3]) for j in (0, 3, 6)))
ok = all(sorted(row) == list(range(1, 10)) for row in grid) and all(sorted(col) == list(range(1, 10)) for col in zip(*grid))
print("valid", ok, stats)
HARD = "4.....8.5 .3....... ...7..... .2.....6. ....8.4.. ....1.... ...6.3.7. 5..2..... 1.4......"
hard = parse(HARD)
stats = {"guesses": 0, "propagated": 0}
print(solve(hard), "".join(str(v) for v in hard[0]), "".join(str(v) for v in hard[8]), stats["guesses"] > 0)
bad = parse(PUZZLE)
bad[0][2] = 5
print("contradictory puzzle solvable:", solve(bad))
