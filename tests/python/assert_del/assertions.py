# assert: passes silently when true, raises AssertionError with the
# optional message (any object) when false; the message is evaluated only
# on failure.
assert True
assert 1 == 1, "never shown"
def msg():
    print("  message evaluated")
    return "lazy message"
assert 2 > 1, msg()
try:
    assert 1 > 2, msg()
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert []
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
try:
    assert 0, {"code": 7}
except AssertionError as e:
    print(e.args[0]["code"])
try:
    assert None, 42
except AssertionError as e:
    print(repr(e))
def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n
for n in [3, -1]:
    try:
        print(check_positive(n))
    except AssertionError as e:
        print("AssertionError:", e)
print(issubclass(AssertionError, Exception))
