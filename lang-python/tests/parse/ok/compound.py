if a:
    pass
if a:
    b
else:
    c
if a:
    b
elif c:
    d
elif e:
    f
else:
    g
if (x := f()) is not None:
    print(x)
while x:
    x -= 1
while True:
    if x:
        break
    else:
        continue
else:
    done()
for x in y:
    pass
for x, y in z:
    pass
for (x, y) in z:
    pass
for x, in y:
    pass
for *a, b in c:
    pass
for a.b in c:
    pass
for a[0] in c:
    pass
for x in a, b:
    pass
for x in *a, *b:
    pass
for x in y:
    pass
else:
    pass
try:
    a
except:
    b
try:
    a
except E:
    b
try:
    a
except E as e:
    b
except (E, F) as e:
    c
except F:
    d
else:
    e
finally:
    f
try:
    a
finally:
    b
try:
    a
except E:
    pass
finally:
    b
with a:
    pass
with a as b:
    pass
with a as b, c as d:
    pass
with a, b:
    pass
with (a as b, c as d):
    pass
with (a as b, c as d,):
    pass
with (a, b) as c:
    pass
with (a):
    pass
with (a) as b:
    pass
with a as (b, c):
    pass
with a as [b, c]:
    pass
with a as b.c:
    pass
with (
    open('a') as f,
    open('b') as g,
):
    pass
if a:
    if b:
        if c:
            pass
        else:
            pass
    x = 1
y = 2
if a: b; c
while a: b; c;
for x in y: a
try: a
except: b
