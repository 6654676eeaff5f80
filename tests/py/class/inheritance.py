# Single inheritance, overriding, super(), isinstance/issubclass, MRO.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def describe(self):
        return self.name + " is a " + self.kind + ": " + self.speak()
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return self.name + " barks"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " softly"
a, d, p = Animal("generic"), Dog("rex"), Puppy("bit", 1)
for x in (a, d, p):
    print(x.describe())
print(p.age, p.kind, Puppy.kind, Puppy.__bases__[0].__name__, [c.__name__ for c in Puppy.__mro__])
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy), isinstance(p, (int, Dog)))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog), issubclass(bool, (str, int)))
print(issubclass(Dog, object), isinstance(3, object), isinstance(None, object))
class Base:
    def __init__(self):
        self.log = ["Base"]
    def hello(self):
        return "Base.hello"
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Derived")
    def hello(self):
        return "Derived.hello + " + super().hello()
d2 = Derived()
print(d2.log, d2.hello(), Base.hello(d2))
class NoInit(Base):
    pass
print(NoInit().log)
class Explicit(Base):
    def __init__(self):
        Base.__init__(self)
        self.log.append("Explicit")
print(Explicit().log)
class A:
    def who(self):
        return "A"
class B(A):
    pass
class C(B):
    def who(self):
        return "C then " + super(C, self).who()
print(C().who())
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")
    def __str__(self):
        return type(self).__name__ + " with area " + str(self.area())
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(str(Sq(3)))
try:
    str(Shape())
except NotImplementedError as e:
    print(type(e).__name__, e)
class CountingList(list):
    def append(self, x):
        super().append(x)
        super().append(x)
cl = CountingList([1])
cl.append(2)
print(cl, len(cl), isinstance(cl, list), type(cl).__name__)
class UpperStr(str):
    def shout(self):
        return self.upper() + "!"
u = UpperStr("hey")
print(u, u.shout(), u + "x", type(u + "x").__name__, len(u))
class MyInt(int):
    pass
mi = MyInt(5)
print(mi + 1, type(mi + 1).__name__, mi == 5, isinstance(mi, int))
class MyDict(dict):
    def __missing__(self, key):
        return "missing:" + str(key)
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("zz"))
class E(Exception):
    pass
print(issubclass(E, Exception), issubclass(E, BaseException), E.__mro__[1].__name__)
