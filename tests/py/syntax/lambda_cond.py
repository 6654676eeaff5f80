# lambda and conditional expressions.
add = lambda a, b: a + b
print("add", add(2, 3))
print("immediately called", (lambda x: x * 10)(4))
print("no args", (lambda: "nothing")())
print("defaults", (lambda a, b=5: a * b)(3))
print("varargs", (lambda *a: a)(1, 2, 3))
print("kwargs", (lambda **k: sorted(k.items()))(b=2, a=1))
print("kw-only", (lambda *, key: key)(key="K"))
print("nested", (lambda x: lambda y: x + y)(10)(5))
print("lambda name", add.__name__)
print("sorted by key", sorted(["ccc", "a", "bb"], key=lambda s: len(s)))
print("sorted by neg", sorted([3, 1, 2], key=lambda v: -v))
print("map lambda", list(map(lambda v: v ** 2, [1, 2, 3])))
print("filter lambda", list(filter(lambda v: v % 2, range(10))))

# conditional expressions
for n in [-2, 0, 2]:
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
x = 5
print("nested right", "a" if x > 10 else "b" if x > 3 else "c")
print("in call", max(1, 2) if x else min(1, 2))
print("parenthesized left", ("big" if x > 3 else "small") + "!")
# only the chosen branch is evaluated
def boom():
    raise RuntimeError("evaluated")
print("lazy", 1 if True else boom())
print("lazy", boom() if False else 2)
# lambda with conditional body
absval = lambda v: v if v >= 0 else -v
print("absval", absval(-7), absval(7))
# lambda capturing loop variable: late binding
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print("late", [f() for f in funcs])
# lambda in default argument
def apply(v, fn=lambda q: q + 1):
    return fn(v)
print("apply default", apply(1), apply(1, lambda q: q * 100))
# lambda returning tuple
pair = lambda: (1, 2)
print("pair", pair())
# recursion through a name
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print("fact(10)", fact(10))
