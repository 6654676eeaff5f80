# Slice reads, writes and deletes on lists, with all step signs.
base = list(range(10))
for sl in [slice(2, 8), slice(None, None, 3), slice(8, 2, -2), slice(-3, None), slice(None, -7, -1), slice(5, 5), slice(20, 30)]:
    print(sl, base[sl])
a = base[:]
a[1:3] = []
print("delete via assign", a)
a[:] = a[::-1]
print("reverse in place", a)
a[2:2] = ["x", "y"]
print("insert via slice", a)
a[-2:] = ["end"]
print("replace tail", a)
a[::3] = [0] * len(a[::3])
print("step assign", a)
del a[::2]
print("step delete", a)
del a[-2:]
print("tail delete", a)
b = [1, 2, 3, 4, 5]
b[1:4] = b
print("assign itself", b)
c = [1, 2, 3]
c[5:] = [9]
print("beyond end", c)
c[-10:1] = ["start"]
print("before start", c)
d = list(range(6))
d[4:1:-1] = "abc"
print("negative step assign", d)
try:
    d[4:1:-1] = "ab"
except ValueError as e:
    print(type(e).__name__, e)
e = list(range(5))
del e[10:]
del e[:0]
print("no-op deletes", e)
m = [[1, 2], [3, 4]]
copy = m[:]
copy[0][0] = 100
copy[1] = "replaced"
print(m, copy)
print(base[::-1][::-1] == base, base[len(base):], base[-len(base)], base[3:-3][::2])
