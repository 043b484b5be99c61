# enum: Enum, IntEnum, Flag, auto and unique. EnumMeta, the metaclass,
# prepares a namespace that refuses a member name given twice and makes the
# class iterable, sized and indexable by member name (list(Color),
# len(Color), Color['RED'], `Color.RED in Color`). A subclass's members are
# built in __init_subclass__ from its plain class attributes (the class's
# own __init__, as in Planet(mass, radius), runs once per member and is then
# replaced by a no-op); Color(1) goes through Enum.__new__, which looks the
# value up.

_DESCRIPTOR_TYPES = (type(lambda: 0), classmethod, staticmethod, property)


class auto:
    def __init__(self):
        self.value = None


def _noop_init(self, *args, **kwds):
    pass


def _is_member_name(name, value):
    if name.startswith("_"):
        return False
    return not isinstance(value, _DESCRIPTOR_TYPES)


class _EnumDict(dict):
    def __setitem__(self, key, value):
        if key in self and _is_member_name(key, self[key]):
            raise TypeError("%r already defined as %r" % (key, self[key]))
        super().__setitem__(key, value)


class EnumMeta(type):
    @classmethod
    def __prepare__(metacls, name, bases, **kwds):
        return _EnumDict()

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __bool__(cls):
        return True

    def __repr__(cls):
        return "<enum %r>" % cls.__name__


EnumType = EnumMeta


def _member_type(cls):
    for base in cls.__mro__:
        if base in (int, str, float):
            return base
    return object


class Enum(metaclass=EnumMeta):
    def __init_subclass__(cls, **kwds):
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        user_init = cls.__dict__.get("__init__")
        member_type = _member_type(cls)
        last_values = []
        for name, value in list(cls.__dict__.items()):
            if not _is_member_name(name, value):
                continue
            if isinstance(value, auto):
                value = cls._generate_next_value_(name, 1, len(cls._member_names_), last_values[:])
            last_values.append(value)
            existing = None
            for m in cls._member_map_.values():
                if m._value_ == value:
                    existing = m
                    break
            if existing is not None:
                cls._member_map_[name] = existing
                setattr(cls, name, existing)
                continue
            if member_type is object:
                member = object.__new__(cls)
            elif isinstance(value, tuple):
                member = member_type.__new__(cls, *value)
            else:
                member = member_type.__new__(cls, value)
            member._name_ = name
            member._value_ = value
            if user_init is not None:
                if isinstance(value, tuple):
                    user_init(member, *value)
                else:
                    user_init(member, value)
            cls._member_names_.append(name)
            cls._member_map_[name] = member
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                pass
            setattr(cls, name, member)
        cls.__members__ = dict(cls._member_map_)
        if member_type is not object:
            # Calling the class looks members up (int's __new__ comes first
            # in the MRO of an IntEnum).
            cls.__new__ = Enum.__dict__["__new__"]
        if user_init is not None:
            cls.__init__ = _noop_init

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            if isinstance(v, int):
                return v + 1
        return start

    def __new__(cls, value, names=None, **kwds):
        if names is not None:
            return _functional(cls, value, names)
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
        missing = cls._missing_(value)
        if missing is not None:
            return missing
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _functional(base, typename, names):
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    body = {}
    if isinstance(names, dict):
        body.update(names)
    else:
        for i, item in enumerate(names):
            if isinstance(item, str):
                body[item] = i + 1
            else:
                body[item[0]] = item[1]
    return type(base)(typename, (base,), body)


class IntEnum(int, Enum):
    __repr__ = Enum.__repr__
    name = Enum.name
    value = Enum.value

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        return self._value_ == (other._value_ if isinstance(other, Enum) else other)

    def __ne__(self, other):
        return self._value_ != (other._value_ if isinstance(other, Enum) else other)

    def __lt__(self, other):
        return self._value_ < (other._value_ if isinstance(other, Enum) else other)

    def __le__(self, other):
        return self._value_ <= (other._value_ if isinstance(other, Enum) else other)

    def __gt__(self, other):
        return self._value_ > (other._value_ if isinstance(other, Enum) else other)

    def __ge__(self, other):
        return self._value_ >= (other._value_ if isinstance(other, Enum) else other)

    def __add__(self, other):
        return self._value_ + int(other)

    __radd__ = __add__

    def __sub__(self, other):
        return self._value_ - int(other)

    def __rsub__(self, other):
        return int(other) - self._value_

    def __mul__(self, other):
        return self._value_ * other

    __rmul__ = __mul__


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return 1
        high = max(last_values)
        return 1 << high.bit_length()

    @classmethod
    def _missing_(cls, value):
        member = object.__new__(cls)
        names = [m._name_ for m in cls._member_map_.values()
                 if m._value_ and m._value_ & value == m._value_]
        member._name_ = "|".join(names) if value else None
        member._value_ = value
        cls._value2member_map_[value] = member
        return member

    def __or__(self, other):
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        return type(self)(self._value_ ^ other._value_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)


class IntFlag(Flag):
    def __int__(self):
        return self._value_


class StrEnum(Enum):
    def __str__(self):
        return self._value_


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        details = ", ".join(["%s -> %s" % pair for pair in duplicates])
        raise ValueError("duplicate values found in <enum %r>: %s" % (enumeration.__name__, details))
    return enumeration
