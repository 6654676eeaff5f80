# __getattr__, __setattr__, __slots__-free attribute handling, __class__, __dict__.
class Dyn:
    def __init__(self):
        self.real = "real attribute"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return "generated " + name[5:]
        raise AttributeError("Dyn has no %r" % name)
d = Dyn()
print(d.real, d.auto_x, d.auto_hello, getattr(d, "auto_y"), hasattr(d, "nope"), getattr(d, "nope", "dflt"))
try:
    d.nope
except AttributeError as e:
    print(type(e).__name__, e)
class Logged:
    def __setattr__(self, name, value):
        print("  set", name, "=", value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("  del", name)
        super().__delattr__(name)
lg = Logged()
lg.a = 1
lg.b = [2]
del lg.a
print(lg.__dict__)
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError("Frozen is immutable")
fz = Frozen(3)
print(fz.v)
try:
    fz.v = 4
except AttributeError as e:
    print(type(e).__name__, e)
class A:
    pass
a = A()
a.__dict__["injected"] = "via dict"
print(a.injected, vars(a), a.__class__ is A, type(a).__name__)
class B:
    x = 1
print("x" in B.__dict__, "x" in vars(B), B.__dict__["x"])
class GetAttribute:
    def __getattribute__(self, name):
        if name == "magic":
            return "from __getattribute__"
        return object.__getattribute__(self, name)
ga = GetAttribute()
ga.normal = "normal"
print(ga.magic, ga.normal)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".upper = None
except AttributeError as e:
    print(type(e).__name__, e)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    [].nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    A.nope
except AttributeError as e:
    print(type(e).__name__, e)
