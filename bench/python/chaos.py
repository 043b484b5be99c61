# bench-arg: 500
# test-arg: 5
# The chaos game: a point jumps, again and again, a fraction of the way
# towards a randomly chosen vertex of a polygon (or through a randomly
# chosen affine map, as in Barnsley's fern), and the points it visits fill
# in a fractal. Three games are played, each drawing its choices from
# `random` seeded with an integer, and every point is counted into a grid.
# Prints, per game, how many grid cells were hit, a checksum of the counts
# and a small text picture. The size is thousands of points per game.
import random
import sys

GRID = 64


class Game:
    def __init__(self, name):
        self.name = name
        self.counts = [[0] * GRID for _ in range(GRID)]

    def plot(self, x, y):
        """Counts a point of the unit square into the grid."""
        i = int(x * GRID)
        j = int(y * GRID)
        if 0 <= i < GRID and 0 <= j < GRID:
            self.counts[GRID - 1 - j][i] += 1

    def report(self):
        hit = 0
        checksum = 0
        for row in self.counts:
            for count in row:
                if count:
                    hit += 1
                checksum = (checksum * 131 + count) % 2147483647
        print("%s: %d cells hit, checksum %d" % (self.name, hit, checksum))
        for row in self.counts[::8]:
            print("  " + "".join("#" if c > 4 else ("." if c else " ") for c in row[::2]).rstrip())


class PolygonGame(Game):
    """Jump `ratio` of the way to a random vertex; with `no_repeat`, never
    to the same vertex twice in a row (which makes a different fractal)."""

    def __init__(self, name, vertices, ratio, no_repeat):
        super().__init__(name)
        self.vertices = vertices
        self.ratio = ratio
        self.no_repeat = no_repeat

    def play(self, rng, points):
        x, y = 0.5, 0.5
        last = -1
        ratio = self.ratio
        count = len(self.vertices)
        for _ in range(points):
            k = rng.randrange(count)
            if self.no_repeat and k == last:
                continue
            last = k
            vx, vy = self.vertices[k]
            x += (vx - x) * ratio
            y += (vy - y) * ratio
            self.plot(x, y)


class AffineGame(Game):
    """Apply one of several affine maps, each chosen with its probability."""

    def __init__(self, name, maps, scale, shift):
        super().__init__(name)
        self.maps = maps
        self.scale = scale
        self.shift = shift

    def play(self, rng, points):
        x, y = 0.0, 0.0
        for _ in range(points):
            r = rng.random()
            for probability, a, b, c, d, e, f in self.maps:
                if r < probability:
                    break
                r -= probability
            x, y = a * x + b * y + e, c * x + d * y + f
            self.plot((x + self.shift[0]) * self.scale, (y + self.shift[1]) * self.scale)


def polygon(sides):
    # Vertices on a circle, from a rational parametrisation so no
    # trigonometry is needed: ((1 - t^2) / (1 + t^2), 2t / (1 + t^2)).
    points = []
    for k in range(sides):
        t = -1.0 + 2.0 * k / sides
        points.append((0.5 + 0.48 * (1 - t * t) / (1 + t * t),
                       0.5 + 0.48 * 2 * t / (1 + t * t)))
    return points


def main(thousands):
    points = thousands * 1000
    rng = random.Random(12345)
    games = [
        PolygonGame("triangle", [(0.0, 0.0), (1.0, 0.0), (0.5, 0.99)], 0.5, False),
        PolygonGame("square", [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)], 0.5, True),
        AffineGame("fern", [
            (0.01, 0.0, 0.0, 0.0, 0.16, 0.0, 0.0),
            (0.85, 0.85, 0.04, -0.04, 0.85, 0.0, 1.6),
            (0.07, 0.2, -0.26, 0.23, 0.22, 0.0, 1.6),
            (0.07, -0.15, 0.28, 0.26, 0.24, 0.0, 0.44),
        ], 0.095, (5.5, 0.2)),
        PolygonGame("pentagon", polygon(5), 0.618, False),
    ]
    for game in games:
        game.play(rng, points)
        game.report()
    random.seed(points)
    print("next random:", random.random(), random.randint(1, 10 ** 12))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
