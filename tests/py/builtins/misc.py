# Other builtins: repr/ascii, format, any/all details, isinstance of builtins, None handling.
print(repr(None), repr(True), repr(...), repr(NotImplemented), ascii("é"), format(3.14159, ".2f"), format("x", ">3"))
print(None is None, type(None)() is None if False else "", NotImplemented.__class__.__name__)
print(abs(-7), all(()), any(()), bin(10), bool(()), callable(abs), chr(0x41), divmod(7, 2), hash(7))
print(hex(255), int("7"), isinstance(7, int), len("seven"), list("7"), max(7, 8), min(7, 8), oct(7), ord("7"))
print(pow(7, 2), repr(7), round(7.5), sorted("7a1"), str(7), sum([7, 7]), tuple("77"), type(7).__name__)
print(list(zip(*[(1, "a"), (2, "b")])), dict(enumerate("ab")), set(range(0)))
def f():
    pass
print(f() is None, print() is None)
x = [3, 1, 2]
y = sorted(x)
print(x, y, x is y, x.sort() is None, x)
r = reversed(x)
x.append(4)
print(list(r))
print(isinstance(print, type(len)), type(print).__name__, print.__name__, len.__name__)
print(min(3, 3.0), max(3.0, 3), min([3.0, 3]), sorted([1.0, 1, True]))
print(str(b"x"), ord(b"A"), chr(ord("a") + 1), divmod(-7, 2), round(-0.5), round(0.5000001))
