a + b
a - b
a * b
a / b
a // b
a % b
a ** b
a @ b
a << b
a >> b
a & b
a | b
a ^ b
-a
+a
~a
not a
- - a
not not a
a + b * c
a * b + c
(a + b) * c
a - b - c
a ** b ** c
-a ** b
(-a) ** b
a ** -b
a | b ^ c & d << e + f * g
a and b
a or b
a and b and c
a or b or c
a and b or c and d
not a and b
a or not b
a < b
a > b
a == b
a != b
a <= b
a >= b
a is b
a is not b
a in b
a not in b
a < b < c
a < b <= c == d != e
a is not b not in c
x if c else y
x if c else y if d else z
(x if c else y) if d else z
lambda: 0
lambda x: x
lambda x, y=1, *a, z, w=2, **k: x
lambda x, /, y: x
lambda *, k: k
lambda *a, **k: 0
(y := 10)
[y := 1, y ** 2]
f(x := 1)
a[b]
a[b, c]
a[1:2]
a[1:2:3]
a[:]
a[::]
a[::2]
a[1:]
a[:2]
a[1:2, 3]
a[:, None]
a[..., 1]
a[b][c]
a.b.c
a.b()
a.b[c].d(e)
a()()()
f()
f(a)
f(a, b)
f(a, b,)
f(*args)
f(**kwargs)
f(a, *b, c=1, **d)
f(a=1, b=2)
f(*a, *b)
f(**a, **b)
f(a, *b, c)
f(x=1, *y)
f(x for x in y)
f((x for x in y), z)
x = yield
x = yield y
x = yield from y
await_ = 1
print(*a, sep='')
a.b.c.d.e.f
a if b else lambda: c
