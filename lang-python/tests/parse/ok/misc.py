match = 1
case = 2
_ = 3
match(x)
print(match, case, _)
match.attr = 4
type = int
x = [match for match in range(3)]
def f(match, case=1):
    return match
a = b = c = d
a, b = b, a
x = y if z else w if v else u
x = (yield_ := 5)
x = not a == b
x = -1
x = +-~1
x = a if not b else c
x = [*range(3), *[4, 5]]
x = {**{}, **{'a': 1}}
x = f(*[1], **{})
x = f(a)(b)(c)
x = a[1][2][3]
x = a.b.c.d
x = a[b.c](d)[e].f
x = lambda: (yield)
x = (lambda: 1)()
x = [lambda x=x: x for x in range(3)]
x = 1 < 2 > 3 != 4 == 5 <= 6 >= 7
x = a is not None and b is None or c in d and e not in f
x = 1 if 2 else 3, 4
x = (1 if 2 else 3), 4
x = [1, 2][0]
x = {1: 2}[1]
x = 'abc'[1:]
x = b'abc'[0]
x = 1 .real
x = 1.0.real
x = 1j.imag
x = 0xff.real
x = f'{1}'.upper()
x = ''.join(str(i) for i in range(3))
x = sum(i for i in range(3) if i)
x = sorted(data, key=lambda d: (-d[1], d[0]), reverse=True)
x = print(*args, sep=', ', end='\n', file=None, flush=True)
x = a @ b @ c
x = a // b % c * d / e
x = a ** -b ** c
x = (a) (b)
x = (a)[b]
x = ((a, b), c)
x = [(a, b) for a in range(2) for b in range(a)]
x = {a for a in b if a if not a}
x = {a: b for a, b in c.items() if a}
x = (i for i in range(10))
x = [[i, j] for i in a if i for j in b if j]
del a[0], b.c, (d, e), [f]
global_var = 1
def g():
    global global_var
    global_var += 1
def h():
    x = 1
    def i():
        nonlocal x
        x += 1
    return i
class K(object, metaclass=type):
    attr: int = 0
    other: 'str'
    def m(self, /, a, *, b): ...
    async_ = 1
@property
def p(self): return self._p
@p.setter
def p(self, value): self._p = value
try:
    pass
except Exception as exc:
    raise RuntimeError('x') from exc
try:
    pass
except (KeyError, ValueError):
    raise
else:
    pass
with a as (b, c), d as [e, f]:
    pass
for i, (j, k) in enumerate(pairs):
    pass
while (n := n - 1) > 0:
    pass
if a:
    pass
elif b:
    pass
if a: pass
elif b: pass
else: pass
assert isinstance(x, int), f'bad {x!r}'
import os.path as osp, sys
from os.path import (join as j,
    exists)
x = ...
x = Ellipsis
x[...]
x[1:2, ...]
x[:, :, 0]
x[::-1]
x[-1:]
x[lo:hi:step]
x[a:=1]
x = """a""" '''b''' "c"
x = 'a\
b'
x = ('implicit'
     'concatenation')
x = 1_000_000.000_1
x = 0b_1010
x = 0o_777
x = 1e-10
x = 1.5e+10j
print(x, end='')
