# Unary operators, int/float conversions in operators, abs and bool mixing.
for v in [0, 1, -1, 2.5, -2.5, True, False, 10 ** 20]:
    print(repr(v), -v, +v, abs(v), not v, bool(v), type(-v).__name__, type(+v).__name__)
for v in [0, 7, -8, True, 2 ** 65]:
    print(repr(v), ~v, ~~v)
print(-0.0, +(-0.0), abs(-0.0), -(0.0), 0.0 * -1)
print(- - 3, - + - 3, not not [], not -1)
try:
    ~"s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    -[1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    +None
except TypeError as e:
    print(type(e).__name__, e)
class N:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __invert__(self):
        return "inv"
    def __abs__(self):
        return "abs"
n = N()
print(-n, +n, ~n, abs(n))
