# __call__, callable(), functions stored as attributes.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add3 = Adder(3)
print(add3(4), add3(1, 2, 3), add3(1, scale=10), callable(add3), callable(Adder), callable(3), callable(print))
print(list(map(Adder(100), [1, 2, 3])), sorted([3, 1, 2], key=Adder(-10)))
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
c = Counter()
c(); c()
print(c(), c.calls)
class Holder:
    pass
h = Holder()
h.fn = lambda x: x * 2
print(h.fn(21))
class WithStaticFn:
    fn = staticmethod(lambda x: x + 1)
print(WithStaticFn.fn(1), WithStaticFn().fn(2))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
class Compose:
    def __init__(self, *fs):
        self.fs = fs
    def __call__(self, x):
        for f in reversed(self.fs):
            x = f(x)
        return x
print(Compose(str, abs, lambda v: v - 10)(3))
class Factory:
    def __call__(self):
        return Factory()
f = Factory()
print(type(f()()).__name__)
