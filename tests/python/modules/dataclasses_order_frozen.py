# dataclasses order=True comparisons and sorting, frozen=True (immutability errors, hashability), unsafe_hash.
from dataclasses import dataclass, FrozenInstanceError


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0


vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 0)]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9, 9), max(vs))
try:
    Version(1) < (1, 0, 0)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float


c = Coord(1.5, 2.5)
try:
    c.lat = 0.0
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    del c.lon
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(issubclass(FrozenInstanceError, AttributeError), c, hash(c) == hash(Coord(1.5, 2.5)))
print(len({Coord(0, 0), Coord(0, 0), Coord(1, 0)}), {c: "here"}[Coord(1.5, 2.5)])


@dataclass
class Mutable:
    v: int


try:
    hash(Mutable(1))
except TypeError as e:
    print(type(e).__name__, e)


@dataclass(unsafe_hash=True)
class Hashy:
    v: int


print(hash(Hashy(3)) == hash(Hashy(3)), Hashy(3) == Hashy(3))
try:
    @dataclass(order=True, eq=False)
    class Broken:
        a: int
except ValueError as e:
    print(type(e).__name__, e)


@dataclass(eq=False)
class Identity:
    v: int


i = Identity(1)
print(i == Identity(1), i == i)
