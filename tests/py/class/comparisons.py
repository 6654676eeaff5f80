# __eq__, __ne__, __lt__ and friends; reflected comparisons; NotImplemented.
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("  V.__eq__", self.v, other.v if isinstance(other, V) else other)
        if not isinstance(other, V):
            return NotImplemented
        return self.v == other.v
    def __lt__(self, other):
        return self.v < other.v
    def __le__(self, other):
        return self.v <= other.v
    def __repr__(self):
        return "V(%r)" % self.v
    __hash__ = None
a, b, c = V(1), V(2), V(1)
print(a == c, a != b, a < b, b > a, a <= c, b >= a)
print(a == 1)
print(1 == a)
print(sorted([V(3), V(1), V(2)]), max(V(5), V(7)), min([V(4), V(0)]))
print(V(1) in [V(0), V(1)])
try:
    hash(a)
except TypeError as e:
    print(type(e).__name__, e)
class NoCmp:
    pass
x, y = NoCmp(), NoCmp()
print(x == x, x == y, x != y, x is x)
try:
    x < y
except TypeError as e:
    print(type(e).__name__, e)
class OnlyEq:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, OnlyEq) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2), len({OnlyEq(1), OnlyEq(1), OnlyEq(2)}))
class Rev:
    def __gt__(self, other):
        print("  Rev.__gt__ called")
        return True
print(3 < Rev())
class Total:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return "T%d" % self.n
print(Total(1) < Total(2), Total(2) > Total(1))
try:
    Total(1) <= Total(2)
except TypeError as e:
    print(type(e).__name__, e)
class Sub(V):
    def __eq__(self, other):
        print("  Sub.__eq__ first (subclass priority)")
        return True
print(V(1) == Sub(2))
