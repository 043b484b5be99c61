# sys.getrecursionlimit/setrecursionlimit: default 1000, raising it allows deeper recursion, bad values.
import sys

print(sys.getrecursionlimit())


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(900))
try:
    depth(5000)
except RecursionError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(6000)
print(sys.getrecursionlimit(), depth(5000))
sys.setrecursionlimit(100)
try:
    depth(200)
except RecursionError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(1000)
print(depth(500))
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(sys.getrecursionlimit())
