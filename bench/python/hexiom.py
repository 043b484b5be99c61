# bench-arg: 320
# test-arg: 3
# Hexiom: a puzzle on a hexagonal board. Each tile shows a number from 0 to
# 6; the tiles must be placed on the board's cells (some cells stay empty)
# so that every tile's number equals how many of its six neighbouring cells
# hold a tile. Puzzles are generated here from a seeded `random`: a random
# set of cells is filled, the numbers are read off, and a few tiles are
# given in place as hints. The solver places tiles cell by cell and
# backtracks, pruning with each decided tile's bounds (occupied neighbours
# so far <= its number <= occupied plus undecided), and counts every
# solution. The size is the number of puzzles; prints each puzzle's tile
# counts, its number of solutions and the search's node count.
import random
import sys

EMPTY = -1
UNDECIDED = None
DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))


class Board:
    """The cells (q, r) in axial coordinates with |q|, |r|, |q + r| < side,
    numbered row by row, and each cell's neighbours by number."""

    def __init__(self, side):
        self.cells = []
        for r in range(-side + 1, side):
            for q in range(-side + 1, side):
                if abs(q + r) < side:
                    self.cells.append((q, r))
        index = {cell: i for i, cell in enumerate(self.cells)}
        self.neighbours = []
        for q, r in self.cells:
            near = []
            for dq, dr in DIRECTIONS:
                other = index.get((q + dq, r + dr))
                if other is not None:
                    near.append(other)
            self.neighbours.append(sorted(near))


class Puzzle:
    def __init__(self, board, tiles, hints):
        self.board = board
        self.tiles = tiles          # tiles[n]: how many tiles show n
        self.hints = hints          # cell -> number given in place


def generate(board, rng, fill, hint_count):
    size = len(board.cells)
    occupied = [False] * size
    for cell in rng.sample(range(size), int(size * fill)):
        occupied[cell] = True
    numbers = {}
    for cell in range(size):
        if occupied[cell]:
            numbers[cell] = sum(1 for n in board.neighbours[cell] if occupied[n])
    tiles = [0] * 7
    for number in numbers.values():
        tiles[number] += 1
    placed = sorted(numbers)
    hints = {cell: numbers[cell] for cell in rng.sample(placed, hint_count)}
    return Puzzle(board, tiles, hints)


class Solver:
    def __init__(self, puzzle):
        self.board = puzzle.board
        self.size = len(self.board.cells)
        self.tiles = list(puzzle.tiles)
        self.empty_left = self.size - sum(self.tiles)
        self.assign = [UNDECIDED] * self.size
        for cell, number in puzzle.hints.items():
            self.assign[cell] = number
            self.tiles[number] -= 1
        self.solutions = 0
        self.nodes = 0
        self.first = None

    def consistent(self, cell):
        """The bounds of `cell`'s tile and of its neighbours' tiles hold."""
        assign = self.assign
        neighbours = self.board.neighbours
        for c in [cell] + neighbours[cell]:
            number = assign[c]
            if number is UNDECIDED or number == EMPTY:
                continue
            occupied = undecided = 0
            for n in neighbours[c]:
                value = assign[n]
                if value is UNDECIDED:
                    undecided += 1
                elif value != EMPTY:
                    occupied += 1
            if occupied > number or occupied + undecided < number:
                return False
        return True

    def search(self, cell):
        self.nodes += 1
        while cell < self.size and self.assign[cell] is not UNDECIDED:
            cell += 1
        if cell == self.size:
            if all(self.consistent(c) for c in range(self.size)):
                self.solutions += 1
                if self.first is None:
                    self.first = list(self.assign)
            return
        if self.empty_left > 0:
            self.assign[cell] = EMPTY
            self.empty_left -= 1
            if self.consistent(cell):
                self.search(cell + 1)
            self.empty_left += 1
        for number in range(7):
            if self.tiles[number] > 0:
                self.assign[cell] = number
                self.tiles[number] -= 1
                if self.consistent(cell):
                    self.search(cell + 1)
                self.tiles[number] += 1
        self.assign[cell] = UNDECIDED


def picture(board, assign, side):
    lines = []
    for r in range(-side + 1, side):
        row = [i for i, (q, rr) in enumerate(board.cells) if rr == r]
        text = " ".join("." if assign[i] == EMPTY else str(assign[i]) for i in row)
        lines.append(" " * (2 * side - 1 - len(row)) + text)
    return lines


def main(count):
    rng = random.Random(31337)
    total_solutions = total_nodes = 0
    for index in range(count):
        side = 3 if index % 3 == 0 else 4
        board = Board(side)
        puzzle = generate(board, rng, 0.55, 4 if side == 3 else 12)
        solver = Solver(puzzle)
        solver.search(0)
        total_solutions += solver.solutions
        total_nodes += solver.nodes
        print("puzzle %d: side %d, tiles %s, hints %d: %d solutions, %d nodes" % (
            index, side, puzzle.tiles, len(puzzle.hints), solver.solutions, solver.nodes))
        if index == count - 1:
            for line in picture(board, solver.first, side):
                print("  " + line)
    print("total: %d solutions, %d nodes" % (total_solutions, total_nodes))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 320)
