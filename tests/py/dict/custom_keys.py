# User objects as dict keys: __hash__ and __eq__, hash collisions, mutation of keys.
class Key:
    def __init__(self, name, h):
        self.name = name
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return "Key(%r)" % self.name
d = {}
d[Key("a", 1)] = "first"
d[Key("b", 1)] = "collides but differs"
d[Key("a", 1)] = "replaced"
print(d, len(d))
print(d[Key("b", 1)], Key("a", 1) in d, Key("c", 1) in d, Key("a", 2) in d)
class Plain:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Plain(%r)" % self.v
p1, p2 = Plain(1), Plain(1)
pd = {p1: "p1", p2: "p2"}
print(len(pd), pd[p1], pd[p2])
class Unhashable:
    def __eq__(self, other):
        return True
try:
    {Unhashable(): 1}
except TypeError as e:
    print(type(e).__name__, e)
print({1: "int", 1.0: "float"}, {0: "zero", False: "false", 0.0: "fzero"})
print({(1, 2): "tuple", frozenset({1, 2}): "frozenset"})
class Counter:
    hashes = 0
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        Counter.hashes += 1
        return hash(self.v)
    def __eq__(self, other):
        return self.v == other.v
cd = {Counter(i): i for i in range(5)}
before = Counter.hashes
print(cd[Counter(3)], Counter.hashes - before)
s = {Key("x", 5), Key("x", 5), Key("y", 5)}
print(sorted(k.name for k in s))
