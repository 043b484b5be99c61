# Classes and instances changed while the loops that use them run (and,
# under the JIT, while those loops are compiled): every change must be seen
# at the next iteration. A method replaced on the class or on a base, a
# class constant rebound, an instance attribute deleted, a class attribute
# shadowed by an instance attribute, __class__ reassigned, a property,
# __getattr__ or __setattr__ added to the class, __dict__ asked for,
# attributes stored on instances of a class with __slots__.


class Base:
    scale = 3

    def __init__(self, v):
        self.v = v

    def value(self):
        return self.v * self.scale

    def tag(self):
        return "base"


class Child(Base):
    def bump(self):
        self.v += 1


class Other(Base):
    def value(self):
        return -self.v


def method_replaced(n):
    objs = [Base(i) for i in range(4)]
    total = 0
    for i in range(n):
        total += objs[i % 4].value()
        if i == n // 2:
            Base.value = lambda self: self.v + 1000
    Base.value = lambda self: self.v * self.scale
    return total


def base_method_replaced(n):
    c = Child(1)
    out = []
    for i in range(n):
        c.bump()
        if i % 97 == 0:
            out.append(c.tag())
        if i == n // 3:
            Base.tag = lambda self: "patched"
    del Base.tag
    try:
        c.tag()
    except AttributeError as e:
        out.append(str(e))
    Base.tag = lambda self: "base"
    return c.v, out


def constant_rebound(n):
    b = Base(2)
    total = 0
    for i in range(n):
        total += b.value()
        if i == n // 2:
            Base.scale = 5
    Base.scale = 3
    return total


def attribute_deleted(n):
    objs = [Base(i) for i in range(3)]
    total = 0
    missing = 0
    for i in range(n):
        o = objs[i % 3]
        try:
            total += o.v
        except AttributeError:
            missing += 1
            o.v = i
        if i == n // 2:
            del objs[1].v
    return total, missing


def class_attribute_shadowed(n):
    objs = [Base(i) for i in range(3)]
    total = 0
    for i in range(n):
        total += objs[i % 3].scale
        if i == n // 2:
            objs[2].scale = 100
    return total


def class_reassigned(n):
    objs = [Base(i) for i in range(4)]
    total = 0
    for i in range(n):
        o = objs[i % 4]
        total += o.value()
        if i == n // 2:
            objs[3].__class__ = Other
        if i == 3 * n // 4:
            objs[0].__class__ = Child
            objs[0].bump()
    return total, [type(o).__name__ for o in objs]


def property_added(n):
    objs = [Base(i) for i in range(2)]
    total = 0
    for i in range(n):
        total += objs[i % 2].v
        if i == n // 2:
            Base.v = property(lambda self: 7)
    del Base.v
    return total


def getattr_added(n):
    b = Base(1)
    del b.v
    got = []
    for i in range(n):
        try:
            got.append(b.v)
        except AttributeError:
            got.append(None)
        if i == n // 2:
            Base.__getattr__ = lambda self, name: name
    del Base.__getattr__
    return got.count(None), got.count("v")


def setattr_added(n):
    b = Base(0)
    log = []
    for i in range(n):
        b.v = i
        if i == n // 2:
            Base.__setattr__ = lambda self, name, value: log.append(value)
    del Base.__setattr__
    return b.v, len(log), log[:3]


def dict_asked(n):
    objs = [Base(i) for i in range(3)]
    total = 0
    for i in range(n):
        o = objs[i % 3]
        o.v = o.v + 1
        total += o.v
        if i == n // 2:
            objs[1].__dict__["v"] = 1000
            objs[1].__dict__["w"] = 1
    return total, sorted(objs[1].__dict__.items())


def many_attributes(n):
    names = ["a%d" % k for k in range(11)]
    objs = []
    for i in range(n):
        o = Base(i)
        for k, name in enumerate(names[: i % 12]):
            setattr(o, name, k)
        o.last = i
        objs.append(o)
    return sum(o.last for o in objs), sum(getattr(o, "a9", 0) for o in objs)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


def slots_stored(n):
    objs = [Slotted(i) for i in range(3)]
    refused = 0
    for i in range(n):
        o = objs[i % 3]
        o.b = o.a + i
        o.a = o.b - i + 1
        try:
            o.c = i
        except AttributeError:
            refused += 1
    return [(o.a, o.b) for o in objs], refused


def added_in_order(n):
    total = 0
    for i in range(n):
        o = Base(i)
        if i % 2:
            o.x = 1
            o.y = 2
        else:
            o.y = 3
            o.x = 4
        o.z = o.x + o.y
        total += o.z + o.v
    return total


N = 3000
print(method_replaced(N))
print(base_method_replaced(N))
print(constant_rebound(N))
print(attribute_deleted(N))
print(class_attribute_shadowed(N))
print(class_reassigned(N))
print(property_added(N))
print(getattr_added(N))
print(setattr_added(N))
print(dict_asked(N))
print(many_attributes(400))
print(slots_stored(N))
print(added_in_order(N))
