# Keyword-only parameters with and without defaults after *args or a bare
# *, their order independence, introspection through __kwdefaults__, and
# the errors when they are passed positionally or omitted.
def fetch(url, *, timeout=10, retries=3, verbose):
    return f"{url} t={timeout} r={retries} v={verbose}"
print(fetch("a", verbose=True), fetch("b", retries=0, verbose=False, timeout=1))
print(fetch.__kwdefaults__, fetch.__defaults__)
for call in [lambda: fetch("a"), lambda: fetch("a", 5, verbose=1), lambda: fetch(verbose=1), lambda: fetch("a", verbose=1, tries=2)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
def log(*messages, sep=" ", prefix="[log]"):
    return prefix + " " + sep.join(str(m) for m in messages)
print(log("a", 1, None), log(sep=","), log("x", "y", sep="-", prefix=">"))
def config(a, b=2, /, c=3, *, d, e=5, **rest):
    return a, b, c, d, e, rest
print(config(1, d=4), config(1, 20, 30, d=40, e=50, f=60), config(1, c=7, d=8, b=9))
