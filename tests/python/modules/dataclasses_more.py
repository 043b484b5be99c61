# dataclasses: kw_only, slots, field(repr=False/compare=False/init=False), InitVar, is_dataclass, inheritance defaults.
from dataclasses import dataclass, field, fields, InitVar, is_dataclass, KW_ONLY


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int


o = Options(level=3)
print(o)
try:
    Options(1, 2)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3


print(Mixed(1, c=9))


@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 0


s = Slotted(1)
print(s, hasattr(s, "__dict__"), Slotted.__slots__)
try:
    s.z = 5
except AttributeError as e:
    print(type(e).__name__)


@dataclass
class WithInit:
    total: int = field(init=False, default=0)
    scale: InitVar[int] = 1
    values: list = field(default_factory=lambda: [1, 2, 3])

    def __post_init__(self, scale):
        self.total = sum(self.values) * scale


w = WithInit(scale=10)
print(w, [f.name for f in fields(w)])
print(is_dataclass(w), is_dataclass(WithInit), is_dataclass(5))


@dataclass
class Base:
    x: int = 0
    tag: str = "base"


@dataclass
class Derived(Base):
    tag: str = "derived"
    extra: float = 1.5


print(Derived(), Derived(5, "t", 2.0), [f.name for f in fields(Derived)])
