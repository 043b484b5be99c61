# locals/globals/eval/exec/compile beyond the basics: closures' cells and free variables in
# locals(), another module's globals(), rebound builtins, compile modes, code objects run with
# namespaces, eval/exec given locals inside a function, and their argument errors.
import namespaces_helper

MARK = "main"
print(namespaces_helper.own_globals()["MARK"], namespaces_helper.eval_here("MARK"), MARK)
print(namespaces_helper.own_globals() is vars(namespaces_helper), globals()["MARK"])


def outer():
    shared = 1
    unused_yet = None

    def inner():
        return sorted(locals().items())

    del unused_yet
    before = sorted(locals())
    return before, inner, shared


before, inner, _ = outer()
print(before, inner())


def closure_reader():
    seen = 5

    def inner():
        return seen + 1, sorted(locals().items())

    return inner()


print(closure_reader())

look = locals
print(look() is globals(), (lambda: look())(), (lambda q: vars())(3))


def eval_with_locals(k):
    mine = {"k": 100}
    return eval("k * 2"), eval("k * 2", None, mine), eval("k", {"k": "g"})


print(eval_with_locals(4))


def exec_in_function():
    ns = {}
    exec("a = 1\nb = a + 1", globals(), ns)
    exec("made_here = 1")
    return sorted(ns.items()), "made_here" in globals()


print(exec_in_function())
code = compile("total = sum(range(n))", "<calc>", "exec")
print(type(code).__name__)
for n in (3, 5):
    space = {"n": n}
    exec(code, space)
    print(space["total"])
expr = compile("n * 10", "<expr>", "eval")
print(eval(expr, {"n": 4}), eval(expr, {}, {"n": 6}), exec(expr, {"n": 1}))
single = compile("1 + 1", "<single>", "single")
exec(single)
print(eval(compile("x = 3", "<s>", "exec"), {}))
for args in [("1", "f", "bad"), (5, "f", "exec"), ("1 +", "f", "exec"), ("x = 1", "f", "eval")]:
    try:
        compile(*args)
    except (TypeError, ValueError, SyntaxError) as e:
        print(type(e).__name__, getattr(e, "msg", e))
for call in [lambda: exec("1", []), lambda: exec("1", {}, 5)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
print(eval(b"2 + 3"), eval("len('abc')", {"__builtins__": {"len": lambda s: -1}}))


class Body:
    x = 1
    seen = sorted(k for k in vars() if not k.startswith("__"))
    listed = dir()


print(Body.seen, [n for n in Body.listed if not n.startswith("__")])
