# UnboundLocalError: a name assigned anywhere in a function is local
# throughout it, so reading it first fails even if a global exists; the
# same for augmented assignment, del, for targets and imports.
count = 10
def increment():
    count += 1
try:
    increment()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def read_before_assign():
    print(count)
    count = 5
try:
    read_before_assign()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def conditional(flag):
    if flag:
        value = "set"
    return value
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)
def after_del():
    v = 1
    del v
    return v
try:
    after_del()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def loop_var(items):
    for item in items:
        pass
    return item
print(loop_var([1, 2]))
try:
    loop_var([])
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError))
def except_var_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    return err
try:
    except_var_cleared()
except UnboundLocalError as e:
    print(type(e).__name__, e)
