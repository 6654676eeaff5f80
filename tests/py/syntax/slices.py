# Indexing and slicing with steps and negative indices; slice assignment.
s = "abcdefghij"
lst = list(range(10))
t = tuple(range(10))
for seq in (s, lst, t):
    print(seq[0], seq[-1], seq[3], seq[-3])
    print(seq[2:5], seq[:3], seq[7:], seq[:], seq[-3:])
    print(seq[::2], seq[1::3], seq[::-1], seq[::-3], seq[8:2:-2])
    print(seq[-2:-8:-1], seq[5:2], seq[100:], seq[-100:2], seq[2:100])
    print(seq[3:3], seq[::100], seq[::-100], seq[10::-1], seq[-11::])
print(s[slice(1, 4)], s[slice(None, None, -2)], lst[slice(3)])
print(repr(slice(1, 2, 3)), slice(5).stop, slice(1, 5).start, slice(1, 5, 2).step)
print("indices", slice(None, None, -1).indices(5), slice(-3, None).indices(10))
try:
    lst[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s[20]
except IndexError as e:
    print(type(e).__name__, e)
try:
    lst[-11]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    lst["1"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[1.5]
except TypeError as e:
    print(type(e).__name__, e)
print("bool index", lst[True], s[False])

# slice assignment
a = list(range(8))
a[2:4] = ["x", "y", "z"]
print("grow", a)
a[1:5] = []
print("shrink", a)
a[:0] = [-1, -2]
print("prepend", a)
a[len(a):] = [100]
print("append", a)
a[::2] = "ABCD"[:len(a[::2])]
print("extended", a)
try:
    a[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
b = list(range(6))
b[::-1] = b
print("reverse assign", b)
c = [1, 2, 3]
c[1:2] = range(5)
print("from range", c)
c[:] = "hi"
print("replace all", c)
d = [0, 1, 2, 3, 4, 5, 6]
del d[1::2]
print("del step", d)
d[5:10] = [9]
print("assign past end", d)
try:
    d[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)

# slicing results are new objects for lists, copies
orig = [1, [2]]
cp = orig[:]
cp[0] = 99
cp[1].append(3)
print("shallow copy", orig, cp)
