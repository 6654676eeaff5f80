# Assignment forms: chained, tuple, list targets, unpacking, starred.
a = b = c = 7
print("chained", a, b, c)
x, y = 1, 2
print("tuple", x, y)
x, y = y, x
print("swap", x, y)
[p, q] = [3, 4]
print("list target", p, q)
(r, s) = "ab"
print("from str", r, s)
t = 1,
print("one-tuple", t)
u, = [9]
print("one-elem unpack", u)

first, *rest = [1, 2, 3, 4]
print("first, *rest", first, rest)
*init, last = range(5)
print("*init, last", init, last)
a, *mid, z = "hello"
print("a, *mid, z", a, mid, z)
a, *mid, z = [1, 2]
print("empty middle", a, mid, z)
*everything, = (1, 2, 3)
print("*everything,", everything)

(a, b), c = (1, 2), 3
print("nested", a, b, c)
a, (b, (c, d)) = 1, (2, (3, 4))
print("deeply nested", a, b, c, d)
for (i, *js) in [(1, 2, 3), (4, 5)]:
    print("for starred", i, js)

# targets evaluated left to right
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 5
print("i, lst[i] =", i, lst)

# attribute and subscript targets
class Box:
    pass
bx = Box()
bx.v = 10
bx.w, bx.v = bx.v, 20
print("attrs", bx.v, bx.w)
d = {}
d["k"], d["j"] = 1, 2
print("dict targets", d)
m = [[0, 0], [0, 0]]
m[0][1] = 5
m[1][0] = m[0][1] * 2
print("nested subscript", m)

# chained assignment to different kinds of targets
lst2 = [0, 0]
v = lst2[0] = lst2[1] = 3
print("chained mixed", v, lst2)

# unpacking errors
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, b = None
except TypeError as e:
    print(type(e).__name__, e)

# unpacking from iterators and generators
a, b, c = iter([7, 8, 9])
print("from iter", a, b, c)
a, b = (n * n for n in range(2))
print("from genexp", a, b)
k1, k2 = {"one": 1, "two": 2}
print("from dict", k1, k2)

# annotated assignments
count: int = 5
name: str
print("annotated", count)
