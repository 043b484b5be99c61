# input and sys.stdin together: a count, then rows of numbers parsed with split/map, summed per column.
import sys

rows = int(input())
grid = [list(map(int, input().split())) for _ in range(rows)]
print(grid)
print([sum(col) for col in zip(*grid)])
print(sys.stdin.read() == "")
print(sum(map(sum, grid)), max(max(r) for r in grid))
