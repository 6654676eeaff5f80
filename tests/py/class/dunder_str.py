# __str__, __repr__, __format__ and how print/str/repr/f-strings use them.
class Both:
    def __str__(self):
        return "str-of-Both"
    def __repr__(self):
        return "Both()"
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr<1>"
class OnlyStr:
    def __str__(self):
        return "only str"
    def __repr__(self):
        return "OnlyStr(fallback repr)"
b, r = Both(), OnlyRepr()
print(b, r, str(b), repr(b), str(r), repr(r))
print([b, r], (b,), {"k": b}, f"{b} {b!r} {r}", "%s %r" % (b, b), "{} {!r}".format(b, b))
print(OnlyStr(), [OnlyStr()])
class Money:
    def __init__(self, amount):
        self.amount = amount
    def __repr__(self):
        return "Money(%r)" % self.amount
    def __str__(self):
        return "$%.2f" % self.amount
    def __format__(self, spec):
        if spec == "short":
            return "$%d" % self.amount
        return format(str(self), spec)
m = Money(3.5)
print(m, repr(m), f"{m}", f"{m:short}", f"{m:>10}|", format(m, "<8") + "|")
class BadStr:
    def __str__(self):
        return 42
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class BadRepr:
    def __repr__(self):
        return None
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
    def __repr__(self):
        return "Node(%r, %r)" % (self.v, self.nxt)
print(Node(1, Node(2, Node(3))))
class Inherit(Both):
    pass
print(Inherit(), repr(Inherit()))
print(str(Both) == "<class '__main__.Both'>", repr(int), repr(Both))
