# Class definition, instances, __init__, methods, attributes.
class Point:
    "A 2D point."
    dims = 2
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point.dims, p.dims, Point.__name__, Point.__doc__)
p.move(1, 1).move(1, 1)
print(p.x, p.y)
q = Point(1)
print(q.x, q.y, type(q).__name__, type(q) is Point, isinstance(q, Point), isinstance(q, object))
q.z = "dynamic"
print(q.z, hasattr(q, "z"), hasattr(p, "z"), sorted(q.__dict__), q.__dict__)
print(Point.norm2(q), Point.move.__name__, type(Point.__dict__["norm2"]).__name__)
bound = p.norm2
print(bound(), bound.__self__ is p, bound.__func__ is Point.norm2, type(bound).__name__)
class Empty:
    pass
e = Empty()
print(type(e).__name__, e.__class__.__name__, Empty.__bases__, Empty.__mro__[-1].__name__, isinstance(Empty, type))
print(type(Point).__name__, type(type).__name__, Point.__module__, Point.__qualname__)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
cs = [Counter() for _ in range(3)]
print(Counter.instances, [c.id for c in cs])
try:
    p.missing
except AttributeError as err:
    print(type(err).__name__, err)
try:
    Point.missing
except AttributeError as err:
    print(type(err).__name__, err)
try:
    Point()
except TypeError as err:
    print(type(err).__name__, err)
class WithClassVarList:
    shared = []
    def add(self, v):
        self.shared.append(v)
a, b = WithClassVarList(), WithClassVarList()
a.add(1); b.add(2)
print(WithClassVarList.shared, a.shared is b.shared)
class Shadow:
    v = "class"
s = Shadow()
s.v = "instance"
print(s.v, Shadow.v)
del s.v
print(s.v)
class Nested:
    class Inner:
        value = 42
    def get(self):
        return self.Inner.value
print(Nested.Inner.value, Nested().get(), Nested.Inner.__qualname__)
def outside(self):
    return "function attached later " + str(self.x)
Point.outside = outside
print(p.outside())
print(getattr(p, "x"), getattr(p, "nope", "default"))
setattr(p, "x", 100)
print(p.x)
delattr(p, "x")
print(hasattr(p, "x"))
class Init:
    def __init__(self):
        return None
print(type(Init()).__name__)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as err:
    print(type(err).__name__, err)
