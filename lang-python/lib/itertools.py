# itertools: the iterator building blocks, written as plain generators (and
# two small classes where CPython shows a repr). Arguments CPython checks when
# the iterator is made are checked by an outer function before the generator
# starts, so errors surface at the same moment as in CPython.


class count:
    def __init__(self, start=0, step=1):
        if not isinstance(start, (int, float)) or not isinstance(step, (int, float)):
            raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return "count(%r)" % (self._n,)
        return "count(%r, %r)" % (self._n, self._step)


_MISSING = object()


class repeat:
    def __init__(self, object=_MISSING, times=None):
        if object is _MISSING:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        self._object = object
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        t = self._times
        if t is None:
            return self._object
        if t <= 0:
            raise StopIteration
        self._times = t - 1
        return self._object

    def __length_hint__(self):
        return 0 if self._times is None or self._times < 0 else self._times

    def __repr__(self):
        if self._times is None:
            return "repeat(%r)" % (self._object,)
        return "repeat(%r, %d)" % (self._object, max(self._times, 0))


def _cycle(it):
    saved = []
    for x in it:
        yield x
        saved.append(x)
    if not saved:
        return
    while True:
        for x in saved:
            yield x


def cycle(iterable):
    return _cycle(iter(iterable))


def _accumulate(it, func, initial):
    if initial is None:
        for total in it:
            break
        else:
            return
    else:
        total = initial
    yield total
    if func is None:
        for x in it:
            total = total + x
            yield total
    else:
        for x in it:
            total = func(total, x)
            yield total


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _chain(iterables):
    for it in iterables:
        for x in it:
            yield x


class chain:
    # Calling the class gives the generator itself (__new__ returns it).
    def __new__(cls, *iterables):
        return _chain(iterables)

    @staticmethod
    def from_iterable(iterables):
        return _chain(iterables)


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            return


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not predicate(x):
                yield x


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))


class _Group:
    # One group of groupby: shares the parent's iterator and stops when the key changes.
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if p._group is not self:
            raise StopIteration
        if p._pending:
            p._pending = False
            return p._value
        v = next(p._it)
        k = v if p._keyfunc is None else p._keyfunc(v)
        if k == self._key:
            return v
        p._value = v
        p._key = k
        p._pending = True
        p._group = None
        raise StopIteration


class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._pending = False
        self._started = False
        self._group = None
        self._key = None
        self._value = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._group is not None:
            # Skip what is left of the current group.
            for _ in self._group:
                pass
        if not self._pending:
            v = next(self._it)
            self._value = v
            self._key = v if self._keyfunc is None else self._keyfunc(v)
            self._pending = True
        g = _Group(self, self._key)
        self._group = g
        return (self._key, g)


def _islice(it, start, stop, step):
    i = 0
    nxt = start
    if stop is None:
        for x in it:
            if i == nxt:
                yield x
                nxt += step
            i += 1
        return
    if start >= stop:
        return
    for x in it:
        if i == nxt:
            yield x
            nxt += step
            if nxt >= stop:
                return
        i += 1


def _slice_arg(v, what):
    if v is None:
        return None
    if isinstance(v, int) and v >= 0:
        return v
    raise ValueError(what + " for islice() must be None or an integer: 0 <= x <= sys.maxsize.")


def islice(iterable, *args):
    n = len(args)
    if n == 0:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if n > 3:
        raise TypeError("islice expected at most 4 arguments, got %d" % (n + 1))
    if n == 1:
        start, stop, step = None, args[0], None
    else:
        start, stop = args[0], args[1]
        step = args[2] if n == 3 else None
    stop = _slice_arg(stop, "Stop argument")
    start = _slice_arg(start, "Indices") or 0
    if step is None:
        step = 1
    elif not isinstance(step, int) or step <= 0:
        raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(iter(iterable), start, stop, step)


def _starmap(function, it):
    for args in it:
        yield function(*args)


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _tee_gen(it, buffers, mine):
    while True:
        if not mine:
            for x in it:
                for b in buffers:
                    b.append(x)
                break
            else:
                return
        yield mine.pop(0)


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple([_tee_gen(it, buffers, b) for b in buffers])


def _zip_longest(its, fillvalue):
    n = len(its)
    active = n
    while True:
        row = []
        for i in range(n):
            it = its[i]
            if it is None:
                row.append(fillvalue)
                continue
            for v in it:
                row.append(v)
                break
            else:
                active -= 1
                if not active:
                    return
                its[i] = None
                row.append(fillvalue)
        yield tuple(row)


def zip_longest(*iterables, fillvalue=None):
    its = [iter(x) for x in iterables]
    if not its:
        return iter(())
    return _zip_longest(its, fillvalue)


def _product(pools):
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    for p in result:
        yield p


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(p) for p in iterables] * repeat
    return _product(pools)


def _pick(pool, indices):
    # A plain function, not a comprehension inside the generators: a
    # comprehension there that reads the generator's variables can crash
    # the interpreter today.
    return tuple([pool[k] for k in indices])


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield _pick(pool, indices[:r])
    while n:
        for i in range(r - 1, -1, -1):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield _pick(pool, indices[:r])
                break
        else:
            return


def permutations(iterable, r=None):
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    elif r < 0:
        raise ValueError("r must be non-negative")
    return _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield _pick(pool, indices)
    while True:
        for i in range(r - 1, -1, -1):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield _pick(pool, indices)


def combinations(iterable, r):
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(tuple(iterable), r)


def _cwr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield _pick(pool, indices)
    while True:
        for i in range(r - 1, -1, -1):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield _pick(pool, indices)


def combinations_with_replacement(iterable, r):
    if r < 0:
        raise ValueError("r must be non-negative")
    return _cwr(tuple(iterable), r)


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield (a, b)
        a = b


def pairwise(iterable):
    return _pairwise(iter(iterable))
