# A Matrix class with operator overloading: +, -, * (matrix and scalar,
# both sides), @, ==, transpose, determinant by cofactor expansion,
# identity, indexing with tuples, and shape errors.
class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("rows must be non-empty and of equal length")
        self.rows = [list(r) for r in rows]
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    def __getitem__(self, idx):
        r, c = idx
        return self.rows[r][c]
    def __setitem__(self, idx, value):
        r, c = idx
        self.rows[r][c] = value
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def _check(self, other):
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")
    def __add__(self, other):
        self._check(other)
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __sub__(self, other):
        self._check(other)
        return Matrix([[a - b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __mul__(self, k):
        if isinstance(k, Matrix):
            return self @ k
        return Matrix([[a * k for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"cannot multiply {self.shape} by {other.shape}")
        return Matrix([[sum(self.rows[i][k] * other.rows[k][j] for k in range(m)) for j in range(p)] for i in range(n)])
    def transpose(self):
        return Matrix([list(col) for col in zip(*self.rows)])
    def det(self):
        n, m = self.shape
        if n != m:
            raise ValueError("determinant of a non-square matrix")
        if n == 1:
            return self.rows[0][0]
        total = 0
        for j in range(n):
            minor = Matrix([row[:j] + row[j + 1:] for row in self.rows[1:]]) if n > 1 else None
            total += (-1) ** j * self.rows[0][j] * minor.det()
        return total
    def __repr__(self):
        return f"Matrix({self.rows})"
    def __str__(self):
        width = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join(" ".join(f"{v:>{width}}" for v in r) for r in self.rows)
a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a + b, a - b, a * 2, 3 * a, a @ b, b @ a, sep="\n---\n")
print(repr(a.transpose()), a.det(), Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det(), Matrix.identity(3).det())
print(a @ Matrix.identity(2) == a, a == b, a * Matrix.identity(2) == a)
c = Matrix([[1, 2, 3], [4, 5, 6]])
print(c.shape, c.transpose().shape, repr(c @ c.transpose()), c[1, 2])
c[0, 0] = 100
print(c.rows[0])
for bad in [lambda: a + c, lambda: c @ c, lambda: c.det(), lambda: Matrix([[1], [1, 2]]), lambda: Matrix([])]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
m = Matrix([[1.5, -2], [0.25, 4]])
print(m * 0.5)
print((m @ m).rows)
