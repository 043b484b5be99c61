# enum.Enum: members, value/name, repr/str, iteration order, lookup by value and name, aliases, errors.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED).__name__)
print(list(Color), len(Color), [c.name for c in Color])
print(Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, Color.CRIMSON.name)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), isinstance(Color.GREEN, Color))
print(Color.RED in Color, sorted(Color.__members__), hash(Color.RED) == hash(Color.RED))
try:
    Color(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color["PINK"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print(type(e).__name__)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print(type(e).__name__, e)


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    def gravity_ratio(self):
        return self.mass / (self.radius ** 2)


print(Planet.EARTH.mass, Planet.MERCURY.value, Planet.EARTH.gravity_ratio() > Planet.MERCURY.gravity_ratio())
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value)
d = {Color.RED: "stop", Color.GREEN: "go"}
print(d[Color.CRIMSON], f"{Color.BLUE}", str(Color.BLUE), format(Color.GREEN))
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e:
    print(type(e).__name__, e)
