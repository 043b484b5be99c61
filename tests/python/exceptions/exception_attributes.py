# Builtin exception objects' attributes and messages: KeyError's repr'd
# key in str(), OSError's errno/strerror, StopIteration.value,
# SystemExit.code, UnicodeError details, with_traceback and args.
try:
    {}[("tuple", "key")]
except KeyError as e:
    print(str(e), e.args)
try:
    {}["quote's"]
except KeyError as e:
    print(str(e))
e = OSError(2, "No such file or directory")
print(e.errno, e.strerror, str(e), type(e).__name__)
print(type(OSError(2, "x")).__name__)
s = StopIteration(42)
print(s.value, s.args, StopIteration().value)
for code in [None, 0, 3, "message"]:
    try:
        raise SystemExit(code)
    except SystemExit as ex:
        print(repr(ex.code))
try:
    b"\xc3\x28".decode("utf-8")
except UnicodeDecodeError as ex:
    print(ex.encoding, ex.start, ex.end, ex.reason, ex.object)
ex = ValueError("v")
print(ex.with_traceback(None) is ex, ex.__traceback__)
try:
    raise ex
except ValueError as caught:
    print(caught.__traceback__ is not None)
print(repr(Exception()), repr(Exception("a")), repr(Exception("a", 1)), str(Exception("a", 1)))
print(repr(ZeroDivisionError("division by zero")), str(AttributeError("x")))
a = AttributeError("msg")
print(a.args)
try:
    "abc".nope
except AttributeError as err:
    print(err.name, err.obj)
try:
    undefined_thing
except NameError as err:
    print(err.name)
