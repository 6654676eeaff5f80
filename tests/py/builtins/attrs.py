# getattr (with default), setattr, hasattr, delattr, vars, dir-free checks.
class Obj:
    cls_attr = "class value"
    def method(self):
        return "method result"
o = Obj()
setattr(o, "x", 10)
print(getattr(o, "x"), getattr(o, "cls_attr"), getattr(o, "missing", "fallback"), getattr(o, "method")())
print(hasattr(o, "x"), hasattr(o, "missing"), hasattr(o, "method"), hasattr(Obj, "x"), hasattr(5, "real"))
delattr(o, "x")
print(hasattr(o, "x"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(o, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(o, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr("abc", "upper")(), getattr([1, 2], "__len__")(), getattr(str, "join")("-", "ab"))
for name in ["a", "b", "c"]:
    setattr(o, name, name.upper())
print(vars(o), [getattr(o, n) for n in "abc"])
print(getattr(o, "cls_attr", None), getattr(None, "x", "none has no x"))
class Prop:
    @property
    def boom(self):
        raise ValueError("property raised")
try:
    hasattr(Prop(), "boom")
except ValueError as e:
    print("hasattr propagates non-AttributeError:", type(e).__name__, e)
class Prop2:
    @property
    def missing(self):
        raise AttributeError("inside property")
print(hasattr(Prop2(), "missing"), getattr(Prop2(), "missing", "default used"))
