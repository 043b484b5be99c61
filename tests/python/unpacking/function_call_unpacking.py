# Unpacking at call sites and in literals: * and ** several times, mixed
# with normal arguments, in list/tuple/set/dict displays, and the errors
# for non-iterables, non-mappings and duplicate keywords.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
nums = [1, 2]
opts = {"sep": "-", "end": "!"}
print(show(*nums, 3, *range(4, 6), *"ab"))
print(show(**opts, extra=1, **{"z": 0}))
print(show(0, *nums, key="v", **opts))
print([*nums, *nums], (*nums,), {*nums, 3}, {**opts, "sep": "+"}, {"a": 0, **opts, "a2": 1})
print(*[1, 2, 3], sep=", ")
print(*"xyz", **{"sep": "|"})
merged = {**{"a": 1, "b": 2}, **{"b": 3, "c": 4}}
print(merged, [*merged], [*merged.values()], [*merged.items()][0])
try:
    show(*None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(**[("a", 1)])
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(**{"a": 1}, a=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [*5]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {**[1]}
except TypeError as e:
    print(type(e).__name__, e)
def f(a, b, c):
    return a * 100 + b * 10 + c
print(f(*(1, 2), 3), f(1, *[2, 3]), f(**{"c": 3, "a": 1, "b": 2}), f(*[1], **{"c": 3, "b": 2}))
