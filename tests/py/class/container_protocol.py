# __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell out of range: %r" % (key,))
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, value):
        return value in self.cells.values()
g = Grid(3, 2)
g[0, 0] = "#"
g[(2, 1)] = "@"
print(len(g), g[0, 0], g[1, 1], "#" in g, "x" in g, bool(g))
del g[0, 0]
print(g[0, 0], "#" in g)
try:
    g[5, 5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del g[1, 1]
except KeyError as e:
    print(type(e).__name__, e)
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return "slice(%r, %r, %r)" % (i.start, i.stop, i.step)
        if i < 0:
            i += self.n
        if i >= self.n or i < 0:
            raise IndexError("Seq index out of range")
        return i * 10
s = Seq(4)
print(s[0], s[3], s[-1], s[1:3], s[::2], s[:], list(s), 20 in s, 25 in s, list(reversed(s)))
for v in s:
    print("iter via getitem", v)
print(sorted(s, reverse=True), sum(s), max(s), tuple(s))
class Empty:
    def __len__(self):
        return 0
print(bool(Empty()), len(Empty()), "falsy" if not Empty() else "truthy")
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print(type(e).__name__, e)
class NotSubscriptable:
    pass
try:
    NotSubscriptable()[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    NotSubscriptable()[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(NotSubscriptable())
except TypeError as e:
    print(type(e).__name__, e)
class DictLike:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def keys(self):
        return self.d.keys()
dl = DictLike()
dl["a"] = 1
dl["b"] = 2
print(dict(dl), {**dl})
