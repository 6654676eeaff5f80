# Function and class decorators, with arguments, stacked.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper

@trace
def add(a, b=0):
    return a + b
add(1, 2)
add(5, b=7)
print("wrapper name", add.__name__)

def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))

def tag(label):
    def deco(fn):
        def wrapper():
            return "<" + label + ">" + fn() + "</" + label + ">"
        return wrapper
    return deco

@tag("b")
@tag("i")
def text():
    return "stacked"
print(text())

# decorators are applied bottom-up; decorator expressions evaluated top-down
order = []
def mark(name):
    order.append("make " + name)
    def deco(fn):
        order.append("apply " + name)
        return fn
    return deco
@mark("outer")
@mark("inner")
def g():
    pass
print(order)

# decorator that returns something that is not a function
def to_value(fn):
    return fn()
@to_value
def constant():
    return 42
print("constant is", constant)

# class decorator
def register(cls):
    cls.registered = True
    return cls
@register
class Thing:
    pass
print("Thing.registered", Thing.registered)

def with_attr(name, value):
    def deco(cls):
        setattr(cls, name, value)
        return cls
    return deco
@with_attr("color", "red")
@with_attr("size", 3)
class Widget:
    pass
print("Widget", Widget.color, Widget.size)

# decorator on methods, with staticmethod/classmethod stacking
class K:
    count = 0
    def __repr__(self):
        return "K()"
    @staticmethod
    @trace
    def s(x):
        return x * 2
    @classmethod
    def c(cls):
        return cls.__name__
    @trace
    def m(self, v):
        return v + 1
print(K.s(4))
print(K.c(), K().c())
K().m(10)

# decorator with arbitrary expression (3.9+)
decos = [trace]
@decos[0]
def sub(a, b):
    return a - b
sub(9, 4)

# memoizing decorator with state in a closure
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print("fib(80)", fib(80), "cache size", len(fib.cache))
