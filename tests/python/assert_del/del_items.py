# del on subscripts, slices and attributes: lists, dicts, user objects with
# __delitem__/__delattr__, and the errors for missing keys and attributes.
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
class Obj:
    pass
o = Obj()
o.x, o.y = 1, 2
del o.x
print(vars(o))
try:
    del o.x
except AttributeError as e:
    print(type(e).__name__, e)
nested = {"k": [1, {"inner": 2, "keep": 3}]}
del nested["k"][1]["inner"]
print(nested)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
s = "abc"
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
grid = [[1, 2], [3, 4]]
del grid[0][1], grid[1]
print(grid)
try:
    del lst[100]
except IndexError as e:
    print(type(e).__name__, e)
