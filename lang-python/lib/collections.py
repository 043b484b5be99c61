# collections: deque, defaultdict, OrderedDict, Counter, ChainMap and
# namedtuple.
# deque is the interpreter's own type (written in Rust, `_collections`).
#
# The dict subclasses call dict's methods by name and look up missing keys
# in their own __getitem__; namedtuple makes a tuple subclass whose fields
# are read-only properties.

from operator import itemgetter as _itemgetter
import sys as _sys
from _collections import deque

_MISSING = object()


class defaultdict(dict):
    def __init__(self, default_factory=None, mapping=(), **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        dict.update(self, mapping, **kwargs)

    def __getitem__(self, key):
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self)

    __copy__ = copy

    def __repr__(self):
        f = self.default_factory
        return "defaultdict(%s, %r)" % ("None" if f is None else repr(f), dict(self))


class OrderedDict(dict):
    def __init__(self, other=(), **kwargs):
        dict.update(self, other, **kwargs)

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            dict.clear(self)
            self[key] = value
            dict.update(self, rest)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, dict.pop(self, key)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for k in iterable:
            d[k] = value
        return d

    def copy(self):
        return OrderedDict(self)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self.items()) == list(other.items())
        if isinstance(other, dict):
            return dict(self) == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = OrderedDict(self)
        dict.update(new, other)
        return new

    def __reversed__(self):
        return reversed(list(self))

    def __repr__(self):
        if not self:
            return "OrderedDict()"
        return "OrderedDict(%r)" % (list(self.items()),)


class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        self.update(iterable, **kwds)

    def __getitem__(self, key):
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            return 0

    def __missing__(self, key):
        return 0

    def __delitem__(self, elem):
        if elem in self:
            dict.pop(self, elem)

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ordered = sorted(self.items(), key=_itemgetter(1), reverse=True)
        return ordered if n is None else ordered[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                get = self.get
                for elem, count in iterable.items():
                    self[elem] = count + get(elem, 0)
            else:
                get = self.get
                for elem in iterable:
                    self[elem] = get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            get = self.get
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self)

    __copy__ = copy

    def __repr__(self):
        if not self:
            return "Counter()"
        return "Counter({%s})" % ", ".join(["%r: %r" % kv for kv in self.most_common()])

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            n = count + other[elem]
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            n = count - other[elem]
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            o = other[elem]
            n = o if count < o else count
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            o = other[elem]
            n = count if count < o else o
            if n > 0:
                result[elem] = n
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result


_KEYWORDS = frozenset("""False None True and as assert async await break class continue def del elif
else except finally for from global if import in is lambda nonlocal not or pass raise return try
while with yield""".split())


class ChainMap:
    """Several mappings seen as one: lookups search them in order, writes
    and deletions go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        # The keys in the order of their first appearance, from the last
        # mapping to the first, as CPython iterates them.
        seen = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                seen[key] = None
        return iter(seen)

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __bool__(self):
        return any(self.maps)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,)) from None

    def pop(self, key, *default):
        try:
            return self.maps[0].pop(key, *default)
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,)) from None

    def clear(self):
        self.maps[0].clear()

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, ChainMap):
            other = dict(other.items())
        return dict(self.items()) == other

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(map(repr, self.maps)))


def _field_property(i):
    # A read-only field: the tuple's item i.
    def cannot_set(self, value):
        raise AttributeError("can't set attribute")

    def cannot_delete(self):
        raise AttributeError("can't delete attribute")

    return property(_itemgetter(i), cannot_set, cannot_delete, "Alias for field number %d" % i)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS or name.startswith("_") or name in seen):
                field_names[index] = "_%d" % index
            seen.add(name)
    for name in [typename] + field_names:
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % name)
        if name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: %r" % name)
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % name)
        if name in seen:
            raise ValueError("Encountered duplicate field name: %r" % name)
        seen.add(name)
    fields = tuple(field_names)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
    # __new__ takes the fields as named parameters, so a wrong call gets
    # Python's own argument errors.
    args = ", ".join(fields)
    ns = {"_tuple_new": tuple.__new__}
    exec("def __new__(_cls, %s):\n    return _tuple_new(_cls, (%s))\n"
         % (args, args + ("," if len(fields) == 1 else "")), ns)
    new = ns["__new__"]
    new.__qualname__ = typename + ".__new__"
    if defaults:
        new.__defaults__ = defaults

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(fields):
            raise TypeError("Expected %d arguments, got %d" % (len(fields), len(result)))
        return result

    def _replace(self, **kwds):
        values = [kwds.pop(name, value) for name, value in zip(fields, self)]
        if kwds:
            raise ValueError("Got unexpected field names: %r" % list(kwds))
        return self._make(values)

    def __repr__(self):
        return type(self).__name__ + "(" + ", ".join(
            [fields[i] + "=" + repr(self[i]) for i in range(len(fields))]) + ")"

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    body = {
        "__doc__": "%s(%s)" % (typename, args),
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": new,
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for i, name in enumerate(fields):
        body[name] = _field_property(i)
    cls = type(typename, (tuple,), body)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            module = "__main__"
    cls.__module__ = module
    return cls
