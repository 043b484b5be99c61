# bench-arg: 210
# test-arg: 12
# A ray tracer: spheres and a checkered plane lit by two point lights, with
# shadows, Phong highlights and mirror reflections up to a fixed depth,
# rendered into an N x N image. Every vector operation goes through a small
# Vector class with overloaded operators (__add__, __sub__, __mul__,
# __rmul__, __neg__, __matmul__ for the dot product), so that operator
# dispatch to user methods and short-lived objects are what is measured.
# Prints a checksum of the 8-bit pixel values and a coarse text picture.
import math
import sys


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def __matmul__(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def __abs__(self):
        return math.sqrt(self @ self)

    def normalized(self):
        return self * (1.0 / abs(self))

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def reflect(self, normal):
        return self - normal * (2.0 * (self @ normal))


class Color:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, other):
        return Color(self.r + other.r, self.g + other.g, self.b + other.b)

    def __mul__(self, other):
        if isinstance(other, Color):
            return Color(self.r * other.r, self.g * other.g, self.b * other.b)
        return Color(self.r * other, self.g * other, self.b * other)

    __rmul__ = __mul__

    def to_bytes(self):
        return tuple(max(0, min(255, int(c * 255.0))) for c in (self.r, self.g, self.b))


EPSILON = 1e-6


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, shininess, reflection):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflection = reflection

    def color_at(self, point):
        return self.color


class Checkered(Material):
    def __init__(self, color, other, diffuse, specular, shininess, reflection):
        super().__init__(color, diffuse, specular, shininess, reflection)
        self.other = other

    def color_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.color
        return self.other


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        """The nearest positive distance along `ray`, or None."""
        to_center = ray.origin - self.center
        b = to_center @ ray.direction
        c = to_center @ to_center - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denominator = ray.direction @ self.normal
        if abs(denominator) < EPSILON:
            return None
        t = ((self.point - ray.origin) @ self.normal) / denominator
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self, objects, lights, ambient):
        self.objects = objects
        self.lights = lights
        self.ambient = ambient

    def nearest_hit(self, ray):
        best_t, best = None, None
        for thing in self.objects:
            t = thing.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t, best = t, thing
        return best_t, best

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance = abs(to_light)
        ray = Ray(point, to_light * (1.0 / distance))
        for thing in self.objects:
            t = thing.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        t, thing = self.nearest_hit(ray)
        if thing is None:
            # The sky: a gradient from the horizon up.
            k = 0.5 * (ray.direction.y + 1.0)
            return Color(0.2 + 0.3 * k, 0.3 + 0.4 * k, 0.6 + 0.4 * k)
        point = ray.at(t)
        normal = thing.normal_at(point)
        if normal @ ray.direction > 0.0:
            normal = -normal
        material = thing.material
        base = material.color_at(point)
        result = base * self.ambient
        for light in self.lights:
            if self.in_shadow(point, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal @ to_light
            if lambert > 0.0:
                result = result + base * light.color * (lambert * material.diffuse)
            highlight = to_light.reflect(normal) @ ray.direction
            if highlight > 0.0:
                strength = material.specular * highlight ** material.shininess
                result = result + strength * light.color
        if depth > 0 and material.reflection > 0.0:
            bounce = Ray(point, ray.direction.reflect(normal))
            result = result + self.trace(bounce, depth - 1) * material.reflection
        return result


def make_scene():
    shiny_red = Material(Color(0.9, 0.2, 0.2), 0.7, 0.6, 20, 0.3)
    matte_green = Material(Color(0.2, 0.8, 0.3), 0.9, 0.1, 5, 0.0)
    mirror = Material(Color(0.9, 0.9, 0.9), 0.2, 0.9, 50, 0.7)
    blue = Material(Color(0.2, 0.3, 0.9), 0.8, 0.4, 10, 0.15)
    floor = Checkered(Color(0.9, 0.9, 0.9), Color(0.1, 0.1, 0.1), 0.8, 0.2, 8, 0.25)
    objects = [
        Sphere(Vector(0.0, 1.0, 0.0), 1.0, shiny_red),
        Sphere(Vector(-2.2, 0.7, 1.0), 0.7, matte_green),
        Sphere(Vector(2.0, 1.2, -1.0), 1.2, mirror),
        Sphere(Vector(0.8, 0.35, 2.0), 0.35, blue),
        Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), floor),
    ]
    lights = [
        Light(Vector(-5.0, 6.0, 5.0), Color(0.8, 0.8, 0.8)),
        Light(Vector(4.0, 4.0, 6.0), Color(0.4, 0.35, 0.3)),
    ]
    return Scene(objects, lights, 0.15)


def render(size):
    scene = make_scene()
    eye = Vector(0.0, 2.0, 7.0)
    look_at = Vector(0.0, 0.8, 0.0)
    forward = (look_at - eye).normalized()
    right = forward.cross(Vector(0.0, 1.0, 0.0)).normalized()
    up = right.cross(forward)
    rows = []
    for j in range(size):
        y = 1.0 - 2.0 * (j + 0.5) / size
        row = []
        for i in range(size):
            x = 2.0 * (i + 0.5) / size - 1.0
            direction = (forward + (x * 0.6) * right + up * (y * 0.6)).normalized()
            row.append(scene.trace(Ray(eye, direction), 3).to_bytes())
        rows.append(row)
    return rows


def main(size):
    rows = render(size)
    checksum = 0
    for row in rows:
        for r, g, b in row:
            checksum = (checksum * 31 + r * 65536 + g * 256 + b) % 1000000007
    print("checksum:", checksum)
    shades = " .:-=+*#%@"
    step = max(1, size // 24)
    for row in rows[::step]:
        line = ""
        for r, g, b in row[::step]:
            line += shades[(r + g + b) * len(shades) // 766]
        print(line.rstrip())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 210)
