# The @ operator (optional feature): only user classes implement it.
class M:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return M([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __rmatmul__(self, other):
        return "rmatmul with " + repr(other)
    def __imatmul__(self, other):
        self.rows = (self @ other).rows
        return self
    def __repr__(self):
        return "M(%r)" % (self.rows,)
a = M([[1, 2], [3, 4]])
b = M([[5, 6], [7, 8]])
print(a @ b, b @ a)
print(3 @ a)
a @= b
print(a)
try:
    1 @ 2
except TypeError as e:
    print(type(e).__name__, e)
