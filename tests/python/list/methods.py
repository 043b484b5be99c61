# list methods: append/extend/insert (with out-of-range positions)/remove/
# pop/clear/index/count/copy/reverse, and each one's error.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend("ab")
a.extend(range(2))
print(a)
a.insert(0, "start")
a.insert(100, "end")
a.insert(-1, "before-end")
a.insert(-100, "very-start")
print(a)
a.remove(1)
print(a, a.count(1), a.index(4), a.index(1, 3), a.count("zz"))
print(a.pop(), a.pop(0), a.pop(-2), a)
b = a.copy()
b.reverse()
print(b, a is not b, a == b[::-1])
for bad in [lambda: a.remove("zz"), lambda: a.index(99), lambda: [].pop(), lambda: a.pop(100), lambda: a.index(4, 0, 2)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    a.append(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.extend(5)
except TypeError as e:
    print(type(e).__name__, e)
a.clear()
print(a, len(a))
c = [1, 2]
c.extend(c)
print(c)
c += (3, 4)
print(c)
try:
    c = c + (5,)
except TypeError as e:
    print(type(e).__name__, e)
print([1, [2, 3]].index([2, 3]), [1, 1.0, True].count(1), [float("nan")].count(float("nan")))
