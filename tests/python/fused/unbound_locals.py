# Superinstructions whose fast case does not apply because a local is
# unbound: the error, its line and what ran before it are the unfused ones.


def second_of_two_loads():
    a = 1
    try:
        print(a,
              b)
    except UnboundLocalError as e:
        print("second load:", e, e.__traceback__.tb_lineno)
    b = 2
    print(a, b)


def first_of_two_loads():
    try:
        print(c + 1)
    except UnboundLocalError as e:
        print("first load:", e, e.__traceback__.tb_lineno)
    c = 3
    print(c, c)


def store_then_unbound_load():
    x = 10
    try:
        y = x
        print(y, z)
    except UnboundLocalError as e:
        print("after store:", e, e.__traceback__.tb_lineno, y)
    z = 5
    y = x
    print(y, z)


def unbound_before_attribute(flag):
    if flag:
        s = "text"
    try:
        return s.upper()
    except UnboundLocalError as e:
        return "attribute: %s %d" % (e, e.__traceback__.tb_lineno)


def unbound_before_method(flag):
    if flag:
        items = [3, 1, 2]
    try:
        items.sort()
        return items
    except UnboundLocalError as e:
        return "method: %s" % e


def unbound_key(seq, flag):
    if flag:
        i = 1
    try:
        return seq[i]
    except UnboundLocalError as e:
        return "key: %s" % e


def unbound_then_global():
    try:
        return v + len("ab")
    except UnboundLocalError as e:
        return "global: %s" % e
    v = 1


def deleted_local():
    a, b = 1, 2
    del b
    try:
        return a + b
    except UnboundLocalError as e:
        return "deleted: %s %d" % (e, e.__traceback__.tb_lineno)


second_of_two_loads()
first_of_two_loads()
store_then_unbound_load()
print(unbound_before_attribute(True), unbound_before_attribute(False))
print(unbound_before_method(True), unbound_before_method(False))
print(unbound_key("xyz", True), unbound_key("xyz", False))
print(unbound_then_global())
print(deleted_local())
