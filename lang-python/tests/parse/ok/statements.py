pass
x = 1
x = y = z = 1
x, y = 1, 2
(x, y) = 1, 2
[x, y] = [1, 2]
x, = y
[x] = y
a, *b = c
*a, b = c
a, *b, c = d
(a, (b, c)) = d
a.b = 1
a[b] = 1
a[1:2] = b
a.b.c[d].e = f
x = (yield)
x += 1
x -= 1
x *= 1
x /= 1
x //= 1
x %= 1
x **= 1
x @= 1
x <<= 1
x >>= 1
x &= 1
x |= 1
x ^= 1
a.b += 1
a[b] += 1
x: int
x: int = 1
(x): int = 1
a.b: int
a[0]: int = 1
x: 'str' = 'a'
x: list[int] = []
x: tuple = 1, 2
del x
del x, y
del x,
del a.b, a[0], a[1:2]
del (a, b)
del [a, b]
del (a), [b]
assert x
assert x, 'message'
assert (x, y)
return_value = 1
raise
raise X
raise X from Y
raise X('msg') from None
global x
global x, y
nonlocal_ = 1
import a
import a.b.c
import a as b
import a.b as c
import a, b.c as d, e
from a import b
from a import b as c
from a import b, c
from a import (b, c)
from a import (b, c,)
from a import (b as c,
               d as e)
from a.b import c
from . import x
from .. import x
from .a import b
from ...a import b
from .... import c
from a import *
from .a import *
x = 1; y = 2
x = 1; y = 2;
if x: pass
while x: break
for x in y: continue
print('hello')
x = 1 if y else 2
x = lambda: 1
x = [i
     for i in range(10)
     if i % 2]
x = 1 + \
    2
s = 'a' \
    'b'
