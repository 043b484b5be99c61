# global: functions that rebind module variables, create new globals, and
# the difference between reading a global and assigning a local of the
# same name.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def create():
    global brand_new
    brand_new = "created inside a function"
create()
print(brand_new)
value = "global"
def shadow():
    value = "local"
    return value
def read():
    return value
print(shadow(), read(), value)
def nested_global():
    def inner():
        global value
        value = "set by inner"
    inner()
nested_global()
print(value)
def reads_then_assigns():
    try:
        print(value)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    value = 1
reads_then_assigns()
x = 5
def del_global():
    global x
    del x
del_global()
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
print("globals has counter:", "counter" in globals(), globals()["counter"])
