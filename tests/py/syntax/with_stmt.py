# with statements: __enter__/__exit__, suppression, exception info.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit", self.name, "no exception", exc, tb)
        else:
            print("exit", self.name, exc_type.__name__, exc, tb is not None)
        return self.suppress

with CM("a") as v:
    print("body, v =", v)

with CM("b"):
    print("body without as")

with CM("c", suppress=True):
    print("before raise")
    raise ValueError("suppressed")
    print("not reached")
print("after suppressed block")

try:
    with CM("d"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught outside", type(e).__name__, e)

# multiple context managers: entered left to right, exited right to left
with CM("x") as a, CM("y") as b:
    print("inside both", a, b)

# parenthesized form (3.10+)
with (
    CM("p") as p,
    CM("q") as q,
):
    print("parenthesized", p, q)

# return inside with still calls __exit__
def f():
    with CM("ret"):
        return "returned value"
print(f())

# break/continue inside with inside loop
for i in range(3):
    with CM("loop" + str(i)):
        if i == 0:
            continue
        if i == 2:
            break
        print("loop body", i)

# __exit__ returning a truthy non-bool suppresses too
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("Truthy exit got", len(args), "args")
        return 1
with Truthy():
    1 / 0
print("suppressed ZeroDivisionError")

# exception in __enter__: __exit__ not called
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with BadEnter():
        print("never")
except RuntimeError as e:
    print(type(e).__name__, e)

# exception in __exit__ replaces the body's exception
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("exit failed")
try:
    with BadExit():
        raise ValueError("body")
except TypeError as e:
    print(type(e).__name__, e, "context:", type(e.__context__).__name__)

# as target can be a tuple or attribute
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
with Pair() as (one, two):
    print("tuple target", one, two)

# object without __enter__
try:
    with 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)
