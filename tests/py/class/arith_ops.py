# Arithmetic dunders, reflected operators, in-place operators, NotImplemented.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return Vec(self.x + other, self.y + other)
        return NotImplemented
    def __radd__(self, other):
        print("  __radd__ with", other)
        return self.__add__(other)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a / 2, b // 2, b % 2, a ** 2, -a, abs(b))
print(a + 1, 1 + a)
print(sum([a, b], Vec(0, 0)), sum([a, b]) if False else "")
print(a == Vec(1, 2), a != Vec(1, 2), a == "x")
try:
    a * a
except TypeError as e:
    print(type(e).__name__, e)
try:
    "s" + a
except TypeError as e:
    print("radd of str:", type(e).__name__, e)
try:
    a + "s"
except TypeError as e:
    print(type(e).__name__, e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __repr__(self):
        return "Acc%r" % (self.items,)
acc = Acc()
ref = acc
acc += 1
acc += "two"
print(acc, acc is ref)
v = Vec(1, 1)
vref = v
v += Vec(1, 1)
print(v, vref, v is vref)
class Bits:
    def __init__(self, v):
        self.v = v
    def __and__(self, o):
        return Bits(self.v & o.v)
    def __or__(self, o):
        return Bits(self.v | o.v)
    def __xor__(self, o):
        return Bits(self.v ^ o.v)
    def __lshift__(self, n):
        return Bits(self.v << n)
    def __rshift__(self, n):
        return Bits(self.v >> n)
    def __invert__(self):
        return Bits(~self.v)
    def __repr__(self):
        return "Bits(%s)" % bin(self.v)
x, y = Bits(0b1100), Bits(0b1010)
print(x & y, x | y, x ^ y, x << 2, x >> 2, ~x)
class Left:
    def __add__(self, other):
        print("  Left.__add__")
        return NotImplemented
class Right:
    def __radd__(self, other):
        print("  Right.__radd__")
        return "right handled it"
print(Left() + Right())
class SubVec(Vec):
    def __radd__(self, other):
        print("  SubVec.__radd__ (subclass reflected first)")
        return "sub"
print(Vec(0, 0) + SubVec(1, 1))
class Num:
    def __init__(self, n):
        self.n = n
    def __int__(self):
        return int(self.n)
    def __float__(self):
        return float(self.n)
    def __index__(self):
        return int(self.n)
    def __round__(self, nd=None):
        return "rounded %r" % nd
print(int(Num(7.9)), float(Num(2)), [0, 1, 2, 3][Num(2)], hex(Num(255)), round(Num(1)), round(Num(1), 2))
