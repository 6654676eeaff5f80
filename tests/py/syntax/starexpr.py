# Star-expressions in displays and calls; ** in dict displays.
x = [1, 2]
y = (3, 4)
print("list", [*x, *y])
print("tuple", (*x, *y, 5))
print("set", sorted({*x, *y, 1}))
print("mixed", [0, *x, 9, *"ab", *range(3)])
print("star from dict", [*{"k1": 1, "k2": 2}])
d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
print("dict merge", {**d1, **d2})
print("dict merge with keys", {"z": 0, **d1, "a": 100})
print("empty stars", [*[], *()], {**{}})

def f(*args, **kwargs):
    return args, kwargs
print("call", f(*x, *y))
print("call kw", f(**d1, **{"e": 5}))
print("call mixed", f(0, *x, 7, *y, k=1, **d1))
try:
    f(**d1, **{"a": 9})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)

def g(a, b, c):
    return a * 100 + b * 10 + c
print("positional unpack", g(*[1, 2, 3]), g(1, *(2, 3)), g(*"12", 3) if False else g(**{"c": 3, "b": 2, "a": 1}))
print("generators", [*(i for i in range(3))])
print("star in index", (lambda *a: a)(*range(3), *range(2)))
first, *others = *x, *y
print("unpack display", first, others)
print("print star", *x, *y, sep="-")
t = *x,
print("starred one-tuple", t)
