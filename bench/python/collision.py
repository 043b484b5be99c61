# bench-arg: 900
# test-arg: 3
# A collision detector: spheres and axis-aligned boxes move through a
# closed 3-D room, bouncing off its walls. Every step, a uniform grid (the
# broad phase: a dict from cell to the bodies overlapping it) proposes
# pairs that share a cell, and exact tests (the narrow phase:
# sphere-sphere, box-box, sphere-box by the closest point) decide which
# really touch; touching pairs swap velocities. Shapes are a small class
# hierarchy with double dispatch on the pair's kinds. The size is the
# number of steps (a tenth of them with a fresh scene); prints collision
# counts, pairs tested, and a checksum of the final positions.
import random
import sys

ROOM = 100.0
CELL = 10.0
BODIES = 240


class Body:
    def __init__(self, x, y, z, vx, vy, vz):
        self.x, self.y, self.z = x, y, z
        self.vx, self.vy, self.vz = vx, vy, vz

    def move(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt
        self.z += self.vz * dt
        lo_x, lo_y, lo_z, hi_x, hi_y, hi_z = self.bounds()
        if lo_x < 0.0 and self.vx < 0.0 or hi_x > ROOM and self.vx > 0.0:
            self.vx = -self.vx
        if lo_y < 0.0 and self.vy < 0.0 or hi_y > ROOM and self.vy > 0.0:
            self.vy = -self.vy
        if lo_z < 0.0 and self.vz < 0.0 or hi_z > ROOM and self.vz > 0.0:
            self.vz = -self.vz

    def cells(self):
        lo_x, lo_y, lo_z, hi_x, hi_y, hi_z = self.bounds()
        result = []
        for i in range(int(lo_x // CELL), int(hi_x // CELL) + 1):
            for j in range(int(lo_y // CELL), int(hi_y // CELL) + 1):
                for k in range(int(lo_z // CELL), int(hi_z // CELL) + 1):
                    result.append((i, j, k))
        return result


class Sphere(Body):
    def __init__(self, x, y, z, vx, vy, vz, radius):
        super().__init__(x, y, z, vx, vy, vz)
        self.radius = radius

    def bounds(self):
        r = self.radius
        return self.x - r, self.y - r, self.z - r, self.x + r, self.y + r, self.z + r

    def touches(self, other):
        return other.touches_sphere(self)

    def touches_sphere(self, sphere):
        dx = self.x - sphere.x
        dy = self.y - sphere.y
        dz = self.z - sphere.z
        reach = self.radius + sphere.radius
        return dx * dx + dy * dy + dz * dz <= reach * reach

    def touches_box(self, box):
        return box.touches_sphere(self)


class Box(Body):
    def __init__(self, x, y, z, vx, vy, vz, half_x, half_y, half_z):
        super().__init__(x, y, z, vx, vy, vz)
        self.half = (half_x, half_y, half_z)

    def bounds(self):
        hx, hy, hz = self.half
        return self.x - hx, self.y - hy, self.z - hz, self.x + hx, self.y + hy, self.z + hz

    def touches(self, other):
        return other.touches_box(self)

    def touches_box(self, box):
        a = self.bounds()
        b = box.bounds()
        return (a[0] <= b[3] and b[0] <= a[3] and a[1] <= b[4] and b[1] <= a[4]
                and a[2] <= b[5] and b[2] <= a[5])

    def touches_sphere(self, sphere):
        # The distance from the sphere's centre to the nearest point of the box.
        lo_x, lo_y, lo_z, hi_x, hi_y, hi_z = self.bounds()
        distance = 0.0
        for c, lo, hi in ((sphere.x, lo_x, hi_x), (sphere.y, lo_y, hi_y), (sphere.z, lo_z, hi_z)):
            if c < lo:
                distance += (lo - c) * (lo - c)
            elif c > hi:
                distance += (c - hi) * (c - hi)
        return distance <= sphere.radius * sphere.radius


def make_scene(rng):
    bodies = []
    for i in range(BODIES):
        position = [rng.uniform(10.0, ROOM - 10.0) for _ in range(3)]
        velocity = [rng.uniform(-3.0, 3.0) for _ in range(3)]
        if i % 3 == 0:
            half = [rng.uniform(0.5, 3.0) for _ in range(3)]
            bodies.append(Box(*position, *velocity, *half))
        else:
            bodies.append(Sphere(*position, *velocity, rng.uniform(0.5, 3.5)))
    return bodies


def step(bodies, dt):
    """Moves every body, then finds and resolves the touching pairs.
    Returns (pairs tested, pairs touching)."""
    for body in bodies:
        body.move(dt)
    grid = {}
    for index, body in enumerate(bodies):
        for cell in body.cells():
            grid.setdefault(cell, []).append(index)
    seen = set()
    tested = touching = 0
    for cell in sorted(grid):
        members = grid[cell]
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pair = (members[a], members[b])
                if pair in seen:
                    continue
                seen.add(pair)
                tested += 1
                first, second = bodies[pair[0]], bodies[pair[1]]
                if first.touches(second):
                    touching += 1
                    first.vx, second.vx = second.vx, first.vx
                    first.vy, second.vy = second.vy, first.vy
                    first.vz, second.vz = second.vz, first.vz
    return tested, touching


def main(steps):
    rng = random.Random(99)
    total_tested = total_touching = 0
    bodies = []
    for index in range(steps):
        if index % 10 == 0:
            bodies = make_scene(rng)
        tested, touching = step(bodies, 0.5)
        total_tested += tested
        total_touching += touching
    checksum = 0.0
    for body in bodies:
        checksum += body.x * 1.0 + body.y * 2.0 + body.z * 3.0
    print("steps: %d, pairs tested: %d, touching: %d" % (steps, total_tested, total_touching))
    print("last step: tested %d touching %d" % (tested, touching))
    print("position checksum: %.6f" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 900)
