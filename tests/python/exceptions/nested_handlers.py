# Nested try statements: inner handlers get first chance, unhandled
# exceptions bubble outward through finally blocks, exceptions raised in
# except/else/finally blocks replace the original, and exceptions cross
# function calls.
def level3(kind):
    try:
        if kind == "value":
            raise ValueError("from level3")
        if kind == "key":
            raise KeyError("from level3")
        return "ok"
    finally:
        print("  level3 finally")
def level2(kind):
    try:
        return level3(kind)
    except ValueError as e:
        print("  level2 handled", e)
        return "handled in level2"
def level1(kind):
    try:
        return level2(kind)
    except KeyError as e:
        print("  level1 handled", e)
        return "handled in level1"
    finally:
        print("  level1 finally")
for kind in ["none", "value", "key"]:
    print(kind, "->", level1(kind))
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("raised in except")
except TypeError as e:
    print(repr(e), "context:", repr(e.__context__))
try:
    try:
        pass
    except Exception:
        pass
    else:
        raise IndexError("raised in else")
except IndexError as e:
    print(repr(e))
try:
    try:
        raise ValueError("hidden")
    finally:
        raise KeyError("raised in finally")
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__))
count = 0
for attempt in range(5):
    try:
        count += 1
        if attempt < 3:
            raise ConnectionError(f"attempt {attempt}")
        print("succeeded on attempt", attempt)
        break
    except ConnectionError as e:
        print("retry after", e)
print(count)
