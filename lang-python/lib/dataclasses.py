# dataclasses: @dataclass reads the class's __annotations__ in order, and
# generates __init__, __repr__, __eq__ (and the orderings with order=True,
# frozen assignment checks with frozen=True) as Python source run through exec,
# so argument errors carry CPython's messages (Point.__init__() missing ...).

MISSING = object()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata
        self.kw_only = kw_only
        self._initvar = False

    def __repr__(self):
        return "Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r)" % (
            self.name, self.type, self.default, self.default_factory, self.init, self.repr, self.hash,
            self.compare)


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        name = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return "dataclasses.InitVar[%s]" % name


class _KW_ONLY_TYPE:
    def __repr__(self):
        return "KW_ONLY"


KW_ONLY = _KW_ONLY_TYPE()


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=False):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple([f for f in fs.values() if not f._initvar])


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _asdict_inner(obj, factory):
    if hasattr(type(obj), "__dataclass_fields__"):
        return factory([(f.name, _asdict_inner(getattr(obj, f.name), factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_asdict_inner(v, factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, factory), _asdict_inner(v, factory)) for k, v in obj.items())
    return obj


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj):
    if hasattr(type(obj), "__dataclass_fields__"):
        return tuple([_astuple_inner(getattr(obj, f.name)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_astuple_inner(v) for v in obj])
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k), _astuple_inner(v)) for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory(_astuple_inner(obj))


def replace(obj, **changes):
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified with replace()"
                                 % f.name)
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def _collect_fields(cls, kw_only):
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = base.__dict__.get("__dataclass_fields__")
        if base_fields:
            for f in base_fields.values():
                all_fields[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    for name, typ in annotations.items():
        if typ is KW_ONLY:
            # Fields after `_: KW_ONLY` are keyword-only.
            kw_only = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default, MISSING, True, True, None, True, None, False)
        f.name = name
        f.type = typ
        f.kw_only = f.kw_only or kw_only
        f._initvar = isinstance(typ, InitVar) or typ is InitVar
        if isinstance(typ, str) and typ.startswith("ClassVar") or repr(typ).startswith("typing.ClassVar"):
            continue
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                             % (type(f.default), name))
        all_fields[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
    return all_fields


def _make_init(cls, flds, frozen):
    ns = {"MISSING": MISSING, "_object_setattr": object.__setattr__}
    params = []
    kw_params = []
    body = []
    seen_default = False
    for f in flds:
        if f.init or f._initvar:
            if f.default is not MISSING:
                ns["_dflt_" + f.name] = f.default
                p = "%s=_dflt_%s" % (f.name, f.name)
                seen_default = seen_default or not f.kw_only
            elif f.default_factory is not MISSING:
                ns["_factory_" + f.name] = f.default_factory
                p = "%s=MISSING" % f.name
                seen_default = seen_default or not f.kw_only
            else:
                if seen_default and not f.kw_only:
                    raise TypeError("non-default argument %r follows default argument" % f.name)
                p = f.name
            (kw_params if f.kw_only else params).append(p)
            if f._initvar:
                continue
            if f.default_factory is not MISSING:
                value = "_factory_%s() if %s is MISSING else %s" % (f.name, f.name, f.name)
            else:
                value = f.name
        elif f.default_factory is not MISSING:
            ns["_factory_" + f.name] = f.default_factory
            value = "_factory_%s()" % f.name
        elif f.default is not MISSING:
            ns["_dflt_" + f.name] = f.default
            value = "_dflt_%s" % f.name
        else:
            continue
        if frozen:
            body.append("    _object_setattr(self, %r, %s)" % (f.name, value))
        else:
            body.append("    self.%s = %s" % (f.name, value))
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__(%s)" % ", ".join([f.name for f in flds if f._initvar]))
    if not body:
        body.append("    pass")
    sig = ", ".join(["self"] + params + (["*"] + kw_params if kw_params else []))
    exec("def __init__(%s):\n%s\n" % (sig, "\n".join(body)), ns)
    init = ns["__init__"]
    init.__qualname__ = cls.__qualname__ + ".__init__"
    return init


def _tuple_of(names):
    return "(" + "".join(["self.%s," % n for n in names]) + ")"


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only, slots):
    all_fields = _collect_fields(cls, kw_only)
    if slots:
        cls = _with_slots(cls, all_fields)
    cls.__dataclass_fields__ = all_fields
    init_fields = list(all_fields.values())
    flds = [f for f in init_fields if not f._initvar]
    if init and "__init__" not in cls.__dict__:
        cls.__init__ = _make_init(cls, init_fields, frozen)
    if repr and "__repr__" not in cls.__dict__:
        names = [f.name for f in flds if f.repr]

        def __repr__(self):
            return type(self).__qualname__ + "(" + ", ".join(
                ["%s=%r" % (n, getattr(self, n)) for n in names]) + ")"

        __repr__.__qualname__ = cls.__qualname__ + ".__repr__"
        cls.__repr__ = __repr__
    compared = [f.name for f in flds if f.compare]
    ns = {}
    if eq and "__eq__" not in cls.__dict__:
        exec("def __eq__(self, other):\n"
             "    if other.__class__ is self.__class__:\n"
             "        return %s == %s\n"
             "    return NotImplemented\n" % (_tuple_of(compared), _tuple_of(compared).replace("self.", "other.")),
             ns)
        cls.__eq__ = ns["__eq__"]
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            exec("def %s(self, other):\n"
                 "    if other.__class__ is self.__class__:\n"
                 "        return %s %s %s\n"
                 "    return NotImplemented\n"
                 % (name, _tuple_of(compared), op, _tuple_of(compared).replace("self.", "other.")), ns)
            cls_op = ns[name]
            setattr(cls, name, cls_op)
    hashed = [f.name for f in flds if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        exec("def __hash__(self):\n    return hash(%s)\n" % _tuple_of(hashed), ns)
        cls.__hash__ = ns["__hash__"]
    elif eq and "__hash__" not in cls.__dict__:
        cls.__hash__ = None
    if frozen:
        names = set(all_fields)

        def __setattr__(self, name, value):
            if type(self) is cls or name in names:
                raise FrozenInstanceError("cannot assign to field %r" % name)
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in names:
                raise FrozenInstanceError("cannot delete field %r" % name)
            object.__delattr__(self, name)

        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    cls.__match_args__ = tuple([f.name for f in flds if f.init and not f.kw_only])
    return cls


def _with_slots(cls, all_fields):
    # A class's slots are fixed when it is made: make the class again, with
    # __slots__ naming the fields and without their defaults.
    names = tuple([f.name for f in all_fields.values() if not f._initvar])
    body = dict(cls.__dict__)
    for name in names + ("__dict__", "__weakref__"):
        body.pop(name, None)
    body["__slots__"] = names
    return type(cls)(cls.__name__, cls.__bases__, body)


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only, slots)

    if cls is None:
        return wrap
    return wrap(cls)
