# bench-arg: 40
# test-arg: 1
# A Go player on a 9x9 board, by flat Monte Carlo: to choose a move it plays
# many random games (playouts) from the current position, each starting
# with a random legal move, and picks the first move that won most often.
# Playouts never fill their own eyes and end after two passes; positions
# are scored by area (stones, plus empty points whose stone neighbours are
# all of one colour) with komi 7.5.
# Rules: captures, no suicide, simple ko. Groups and liberties are found by
# flood fill over a bordered one-dimensional board, so list indexing, small
# loops and `random.Random` are what is measured. Two such players, with
# PLAYOUTS playouts per move, play the opening of a game, as many moves as
# the size says; the moves, the board and its score are printed.
import random
import sys

SIZE = 9
WIDTH = SIZE + 1
EMPTY, BLACK, WHITE, BORDER = 0, 1, 2, 3
KOMI = 7.5
COLUMNS = "ABCDEFGHJ"
PLAYOUTS = 4


def opponent(color):
    return 3 - color


class Board:
    """The points (x, y), 0 <= x, y < SIZE, are cells (y + 1) * WIDTH + x + 1;
    the cells around them (and one column shared by both sides) are BORDER."""

    def __init__(self):
        self.cells = [BORDER] * (WIDTH * (SIZE + 2) + 1)
        self.points = []
        for y in range(SIZE):
            for x in range(SIZE):
                point = (y + 1) * WIDTH + x + 1
                self.cells[point] = EMPTY
                self.points.append(point)
        self.ko = 0
        self.to_move = BLACK
        self.passes = 0

    def copy(self):
        other = Board.__new__(Board)
        other.cells = self.cells[:]
        other.points = self.points
        other.ko = self.ko
        other.to_move = self.to_move
        other.passes = self.passes
        return other

    def neighbours(self, point):
        return (point - 1, point + 1, point - WIDTH, point + WIDTH)

    def group_and_liberties(self, point):
        """The stones connected to `point` and their number of liberties."""
        cells = self.cells
        color = cells[point]
        stones = [point]
        seen = {point}
        liberties = set()
        index = 0
        while index < len(stones):
            here = stones[index]
            index += 1
            for near in (here - 1, here + 1, here - WIDTH, here + WIDTH):
                value = cells[near]
                if value == EMPTY:
                    liberties.add(near)
                elif value == color and near not in seen:
                    seen.add(near)
                    stones.append(near)
        return stones, len(liberties)

    def is_eye(self, point, color):
        """An empty point that only `color` surrounds, with at most one
        diagonal taken by the opponent (none at the edge)."""
        cells = self.cells
        for near in (point - 1, point + 1, point - WIDTH, point + WIDTH):
            value = cells[near]
            if value != color and value != BORDER:
                return False
        enemy = opponent(color)
        bad = 0
        at_edge = False
        for diagonal in (point - WIDTH - 1, point - WIDTH + 1,
                         point + WIDTH - 1, point + WIDTH + 1):
            value = cells[diagonal]
            if value == BORDER:
                at_edge = True
            elif value == enemy:
                bad += 1
        return bad == 0 if at_edge else bad <= 1

    def is_legal(self, point):
        cells = self.cells
        if cells[point] != EMPTY or point == self.ko:
            return False
        color = self.to_move
        for near in (point - 1, point + 1, point - WIDTH, point + WIDTH):
            if cells[near] == EMPTY:
                return True
        # Surrounded: legal only if it captures or joins a group that keeps
        # another liberty.
        cells[point] = color
        legal = False
        for near in (point - 1, point + 1, point - WIDTH, point + WIDTH):
            value = cells[near]
            if value == BORDER:
                continue
            liberties = self.group_and_liberties(near)[1]
            if value == color and liberties > 0:
                legal = True
                break
            if value != color and liberties == 0:
                legal = True
                break
        cells[point] = EMPTY
        return legal

    def play(self, point):
        """Plays a legal move (0 is a pass) for the side to move."""
        color = self.to_move
        self.to_move = opponent(color)
        self.ko = 0
        if point == 0:
            self.passes += 1
            return
        self.passes = 0
        cells = self.cells
        cells[point] = color
        captured = []
        for near in (point - 1, point + 1, point - WIDTH, point + WIDTH):
            if cells[near] == opponent(color):
                stones, liberties = self.group_and_liberties(near)
                if liberties == 0:
                    for stone in stones:
                        cells[stone] = EMPTY
                    captured.extend(stones)
        if len(captured) == 1:
            stones, liberties = self.group_and_liberties(point)
            if len(stones) == 1 and liberties == 1:
                self.ko = captured[0]

    def candidate_moves(self):
        """The legal moves that do not fill one's own eye, in board order."""
        color = self.to_move
        return [p for p in self.points
                if self.cells[p] == EMPTY and not self.is_eye(p, color) and self.is_legal(p)]

    def random_move(self, rng):
        """A random legal non-eye move, or 0 (pass) if there is none. Tries
        random points first, then scans, to keep playouts cheap."""
        cells = self.cells
        color = self.to_move
        for _ in range(8):
            point = self.points[rng.randrange(len(self.points))]
            if cells[point] == EMPTY and not self.is_eye(point, color) and self.is_legal(point):
                return point
        moves = self.candidate_moves()
        if not moves:
            return 0
        return moves[rng.randrange(len(moves))]

    def score(self):
        """Black's area minus White's, minus komi."""
        cells = self.cells
        black = white = 0
        for point in self.points:
            value = cells[point]
            if value == BLACK:
                black += 1
            elif value == WHITE:
                white += 1
            else:
                around = {cells[n] for n in self.neighbours(point)} - {BORDER, EMPTY}
                if around == {BLACK}:
                    black += 1
                elif around == {WHITE}:
                    white += 1
        return black - white - KOMI


def playout(board, rng, limit):
    moves = 0
    while board.passes < 2 and moves < limit:
        board.play(board.random_move(rng))
        moves += 1
    return board.score()


def choose_move(board, rng, playouts):
    candidates = board.candidate_moves()
    if not candidates:
        return 0
    wins = {p: 0 for p in candidates}
    tries = {p: 0 for p in candidates}
    color = board.to_move
    for _ in range(playouts):
        first = candidates[rng.randrange(len(candidates))]
        game = board.copy()
        game.play(first)
        score = playout(game, rng, 3 * SIZE * SIZE)
        tries[first] += 1
        if (score > 0) == (color == BLACK):
            wins[first] += 1
    best, best_rate = 0, -1.0
    for point in candidates:
        if tries[point]:
            rate = wins[point] / tries[point]
            if rate > best_rate:
                best, best_rate = point, rate
    return best


def name_of(point):
    if point == 0:
        return "pass"
    y, x = divmod(point - 1, WIDTH)
    return "%s%d" % (COLUMNS[x], SIZE - y + 1)


def main(length):
    rng = random.Random(2024)
    board = Board()
    moves = []
    while board.passes < 2 and len(moves) < length:
        move = choose_move(board, rng, PLAYOUTS)
        moves.append(name_of(move))
        board.play(move)
    for start in range(0, len(moves), 15):
        print(" ".join(moves[start:start + 15]))
    print("moves: %d, score if it ended here (black - white): %s" % (len(moves), board.score()))
    for y in range(SIZE):
        row = board.cells[(y + 1) * WIDTH + 1:(y + 1) * WIDTH + 1 + SIZE]
        print(" ".join(".XO"[v] for v in row))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
