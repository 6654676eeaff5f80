# property (getter/setter/deleter), staticmethod, classmethod.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(hasattr(t, "_c"))
try:
    t.celsius
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__)
class Old:
    def get_x(self):
        return "x via property()"
    x = property(get_x, doc="the x")
print(Old().x, Old.x.__doc__)
class Util:
    factor = 10
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def scaled(cls, v):
        return v * cls.factor
    @classmethod
    def create(cls):
        return cls()
    def __repr__(self):
        return type(self).__name__ + "()"
class SubUtil(Util):
    factor = 100
print(Util.add(1, 2), Util().add(3, 4), Util.scaled(2), SubUtil.scaled(2), SubUtil().scaled(3))
print(Util.create(), SubUtil.create(), type(Util.__dict__["add"]).__name__, type(Util.__dict__["scaled"]).__name__)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
lz = Lazy()
print(lz.value, lz.value, lz.computed)
class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 2)
    @property
    def diameter(self):
        return self.r * 2
    @diameter.setter
    def diameter(self, d):
        self.r = d / 2
c = Circle(2)
print(c.area, c.diameter)
c.diameter = 10
print(c.r, c.area)
class ReadOnly:
    @property
    def name(self):
        return "fixed"
ro = ReadOnly()
try:
    ro.name = "changed"
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del ro.name
except AttributeError as e:
    print(type(e).__name__, e)
