# Less common operators: @ via __matmul__/__rmatmul__/__imatmul__, and the
# TypeError for @ on builtins; ternary chains; operators on bools.
class M:
    def __init__(self, v):
        self.v = v
    def __matmul__(self, other):
        return M(self.v * other.v + 1) if isinstance(other, M) else NotImplemented
    def __rmatmul__(self, other):
        return M(other * 100 + self.v)
    def __repr__(self):
        return f"M({self.v})"
a, b = M(2), M(3)
print(a @ b, 5 @ a)
c = a
c @= b
print(c, a)
class I(M):
    def __imatmul__(self, other):
        self.v = -1
        return self
d = I(4)
e = d
d @= b
print(d, e, d is e)
try:
    [1] @ [2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a @ 5
except TypeError as e:
    print(type(e).__name__, e)
print(True + True, True - False, True * False, True / True, True // True, True % True, -True, True ** False)
print(1 if [] else 2 if {} else 3 if () else 4)
