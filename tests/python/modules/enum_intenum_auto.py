# enum.IntEnum (compares and computes as int), auto() numbering, Flag combinations, unique decorator.
from enum import Enum, IntEnum, Flag, auto, unique


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


print(Priority.LOW < Priority.HIGH, Priority.MEDIUM == 5, Priority.HIGH + 1, sorted([Priority.HIGH, Priority.LOW, 3]))
print(repr(Priority.MEDIUM), str(Priority.MEDIUM), int(Priority.HIGH), Priority(10).name, format(Priority.LOW, "03d"))
print(isinstance(Priority.LOW, int), [p.value for p in Priority], max(Priority).name)


class Step(Enum):
    FIRST = auto()
    SECOND = auto()
    THIRD = auto()


print([(s.name, s.value) for s in Step])


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    ALPHA = auto()
    BETA = auto()


print([m.value for m in Lower])


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(Perm.R.value, Perm.W.value, Perm.X.value, rw.value, Perm.R in rw, Perm.X in rw, bool(rw & Perm.X))
print(repr(rw), (rw | Perm.X).value, Perm(0).value, bool(Perm(0)))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)


class Mixed(IntEnum):
    A = auto()
    B = auto()


print(Mixed.A.value, Mixed.B + Mixed.B, list(Mixed)[1].name)
