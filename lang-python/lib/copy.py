# copy: shallow and deep copies. Built-in containers are copied by type; other
# objects through __copy__/__deepcopy__ or by copying their attribute dict.
# deepcopy keeps a memo (id -> copy) so shared and cyclic references survive.

from _collections import deque as _deque


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, type, range,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented))


def copy(x):
    cls = type(x)
    if cls in (list, dict, set):
        return cls.copy(x)
    if cls in (tuple, frozenset) or cls in _ATOMIC:
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def _reconstruct(x, memo):
    cls = type(x)
    if isinstance(x, _deque):
        # As deque's __reduce__ tells it: the class called with no items and
        # the bound, the items appended after the attributes.
        y = cls((), x.maxlen)
    else:
        y = object.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state = getattr(x, "__dict__", None)
    if state:
        for k, v in state.items():
            setattr(y, k, deepcopy(v, memo) if memo is not None else v)
    slots = []
    for klass in cls.__mro__:
        s = klass.__dict__.get("__slots__", ())
        if isinstance(s, str):
            s = (s,)
        slots.extend(s)
    for name in slots:
        if name != "__dict__" and hasattr(x, name):
            v = getattr(x, name)
            setattr(y, name, deepcopy(v, memo) if memo is not None else v)
    if isinstance(x, dict):
        for k, v in x.items():
            y[k] = deepcopy(v, memo) if memo is not None else v
    elif isinstance(x, (list, _deque)):
        for v in x:
            y.append(deepcopy(v, memo) if memo is not None else v)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        for i in range(len(x)):
            if items[i] is not x[i]:
                y = tuple(items)
                break
        else:
            y = x
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset([deepcopy(a, memo) for a in x])
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        keep = memo.setdefault(id(memo), [])
        keep.append(x)
    return y
