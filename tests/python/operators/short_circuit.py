# `and` and `or` return one of their operands and skip the right side when
# the left decides; `not` always returns a bool; conditional expressions
# evaluate only the chosen branch.
def t(name, value):
    print("  eval", name)
    return value
print(repr(t("a", 0) and t("b", 1)))
print(repr(t("a", 2) and t("b", 0)))
print(repr(t("a", "") or t("b", "x")))
print(repr(t("a", "y") or t("b", "x")))
print(repr(t("a", []) or t("b", {}) or t("c", 0)))
print(repr(t("a", 1) and t("b", 2) and t("c", 3)))
print(repr(t("a", None) or t("b", 0) and t("c", 5)))
print(repr(not t("a", [1])), repr(not t("b", 0)))
print(repr(t("yes", "Y") if t("cond", 1) else t("no", "N")))
print(repr(t("yes", "Y") if t("cond", 0) else t("no", "N")))
values = [0, 1, "", "s", None, [], [0], 0.0]
print([v1 and v2 for v1 in values[:3] for v2 in values[3:5]])
print([v1 or v2 for v1 in values[:3] for v2 in values[3:5]])
d = {}
name = d.get("name") or "anonymous"
print(name)
x = None
result = x is not None and x.missing_attr
print(result)
