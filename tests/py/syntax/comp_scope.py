# Comprehension scoping: loop variables do not leak; closures in comprehensions.
x = "outer"
squares = [x * 2 for x in range(3)]
print("x after list comp:", x)
y = "outer y"
s = {y for y in range(3)}
print("y after set comp:", y)
k = "outer k"
d = {k: 1 for k in range(3)}
print("k after dict comp:", k)
g = list(z for z in range(3))
try:
    z
except NameError as e:
    print(type(e).__name__, e)

# the outermost iterable is evaluated in the enclosing scope
n = 3
print([n for n in range(n)])

# comprehension sees enclosing function locals
def f():
    base = 10
    return [base + i for i in range(3)]
print("f()", f())

# class-body comprehensions do not see class variables (except the first iterable)
class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [items for _ in range(2)]
    except NameError as e:
        err = type(e).__name__ + ": " + str(e)
print("C.doubled", C.doubled)
print("C.err", C.err)

# late binding of lambdas created in a comprehension
fs = [lambda: i for i in range(3)]
print("late binding", [f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print("default capture", [f() for f in fs])

# walrus in comprehension binds in the enclosing scope
data = [1, 5, 9, 2]
if any((big := v) > 4 for v in data):
    print("first big", big)
total = 0
partial = [total := total + v for v in data]
print("running totals", partial, "total", total)

# nested comprehension variables independent
print([[i for i in range(j)] for j in range(4)])
i = "still outer"
print(i)

# comprehension inside a function referencing a later-assigned local
def late():
    out = [w for w in range(2)]
    w = "assigned later"
    return out, w
print(late())
