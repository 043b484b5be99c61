# pass and ... as placeholders in functions, classes, loops and branches;
# Ellipsis is a singleton with a repr.
def todo():
    pass
def also_todo():
    ...
class Empty:
    pass
class AlsoEmpty:
    ...
for _ in range(2):
    pass
if True:
    pass
else:
    ...
print(todo(), also_todo(), Empty.__name__, AlsoEmpty.__name__)
print(..., Ellipsis, ... is Ellipsis, type(...).__name__, repr(...), bool(...))
x = [1, ...]
print(x, x[1] is Ellipsis)
