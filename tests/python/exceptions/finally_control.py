# finally with return, break and continue: finally always runs; a return in
# finally overrides the try's return and discards an in-flight exception;
# break/continue in finally also discard it.
def ret_in_try():
    try:
        return "try"
    finally:
        print("  finally after return")
print(ret_in_try())
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(swallow())
def except_return():
    try:
        raise KeyError
    except KeyError:
        return "from except"
    finally:
        print("  finally after except-return")
print(except_return())
for i in range(3):
    try:
        if i == 1:
            break
        print("  body", i)
    finally:
        print("  finally", i)
for i in range(3):
    try:
        if i == 1:
            continue
        print("  body", i)
    finally:
        print("  finally", i)
def break_swallows():
    for _ in range(2):
        try:
            raise RuntimeError("dropped")
        finally:
            break
    return "loop exited, exception dropped"
print(break_swallows())
def value_at_return():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  x changed to", x, "after return value was computed")
print(value_at_return())
def nested():
    try:
        try:
            return "inner"
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
print(nested())
def loop_with_finally():
    out = []
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                return out
            out.append(i)
        finally:
            out.append("f")
print(loop_with_finally())
