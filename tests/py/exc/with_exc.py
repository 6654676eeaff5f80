# Exceptions through with-statements: __exit__ arguments, suppression, nesting.
class Tracker:
    def __init__(self, name, suppress=()):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, repr(ev))
        return et is not None and issubclass(et, self.suppress)
with Tracker("outer", suppress=(KeyError,)):
    with Tracker("inner", suppress=(ValueError,)):
        raise KeyError("passes inner, stopped by outer")
print("continued")
with Tracker("a", suppress=(ValueError,)):
    with Tracker("b"):
        raise ValueError("v")
print("continued 2")
try:
    with Tracker("c", suppress=(KeyError,)):
        raise TypeError("not suppressed")
except TypeError as e:
    print("outside got", e)
def func():
    with Tracker("in function", suppress=(ZeroDivisionError,)):
        return 1 / 0
    return "fell through after suppression"
print(func())
for i in range(3):
    with Tracker("loop %d" % i, suppress=(StopIteration,)):
        if i == 1:
            raise StopIteration
        print("body", i)
class ExitReturnsNone:
    def __enter__(self):
        return "value"
    def __exit__(self, *a):
        return None
try:
    with ExitReturnsNone() as v:
        print("as value", v)
        raise RuntimeError("propagates")
except RuntimeError as e:
    print("caught", e)
class Reraise:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is KeyError:
            raise ValueError("translated") from ev
        return False
try:
    with Reraise():
        raise KeyError("k")
except ValueError as e:
    print(type(e).__name__, e, "cause", repr(e.__cause__))
