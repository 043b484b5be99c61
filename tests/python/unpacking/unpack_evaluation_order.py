# The order of side effects in assignments with several targets and in
# unpacking: right side first, then targets from left to right.
log = []
def val(name, v):
    log.append(name)
    return v
class Rec:
    def __setitem__(self, key, value):
        log.append(f"set {key}={value}")
r = Rec()
r[val("k1", 1)], r[val("k2", 2)] = val("v1", "a"), val("v2", "b")
print(log)
log.clear()
r[val("ka", "A")] = r[val("kb", "B")] = val("v", 0)
print(log)
log.clear()
a = [0] * 5
idx = 0
def nxt():
    global idx
    idx += 1
    log.append(idx)
    return idx
a[nxt()], a[nxt()] = nxt(), nxt()
print(a, log)
