# Reference-count deltas (absolute counts differ between implementations; deltas must not).
# Counts are kept as floats: an int count could itself be one of the small ints
# being measured (a count of 4 held in `before` is a reference to 4).
import sys

def rc(obj):
    return float(sys.getrefcount(obj))

def delta(label, obj, action, undo=None):
    before = rc(obj)
    keep = action()
    after = rc(obj)
    print(label, int(after - before))
    if undo:
        undo(keep)

# Binding names to a shared small int.
before = rc(256)
x = 256
y = 256
z = x
print("three names bound to 256:", int(rc(256) - before))
del x, y, z
print("after del:", int(rc(256) - before))

# Containers hold references.
before = rc(7)
lst = [7] * 10
print("[7] * 10:", int(rc(7) - before))
lst.append(7)
print("append 7:", int(rc(7) - before))
lst.pop()
print("pop:", int(rc(7) - before))
tup = (7, 7, 7)
print("tuple literal (7, 7, 7) is a constant:", int(rc(7) - before))
tup2 = tuple(lst[:3])
print("tuple built from a slice:", int(rc(7) - before))
del lst, tup2
print("after del:", int(rc(7) - before))

d = {}
before_k, before_v = rc(3), rc(200)
d[3] = 200
print("dict item key/value:", int(rc(3) - before_k), int(rc(200) - before_v))
d[3] = 201
print("value replaced:", int(rc(3) - before_k), int(rc(200) - before_v))
del d[3]
print("item deleted:", int(rc(3) - before_k), int(rc(200) - before_v))

# A fresh object: counts change as references come and go.
obj = [1, 2, 3]
base = rc(obj)
alias = obj
print("alias:", int(rc(obj) - base))
holder = [obj, obj]
print("two in a list:", int(rc(obj) - base))
holder.clear()
print("list cleared:", int(rc(obj) - base))
del alias
print("alias deleted:", int(rc(obj) - base))

def takes(a):
    return rc(a)
inside = takes(obj)
print("inside a call vs outside:", int(inside - rc(obj)))

class Box:
    pass
bx = Box()
base = rc(obj)
bx.attr = obj
print("attribute:", int(rc(obj) - base))
bx.attr = None
print("attribute replaced:", int(rc(obj) - base))

# Shared singletons are counted too (CPython 3.11 has no immortal objects).
before = rc(None)
n1 = None
n2 = None
print("two names bound to None:", int(rc(None) - before))
before = rc(True)
flags = [True] * 5
print("[True] * 5:", int(rc(True) - before))
before = rc(())
e1 = ()
e2 = tuple()
print("() and tuple():", int(rc(()) - before))
a_char = chr(97)
before = rc(a_char)
chars = list("aaaa")
print("list('aaaa') refs to the shared 'a':", int(rc(a_char) - before))
before = rc("")
empties = ["x"[1:], str()]
print("two empty strings:", int(rc("") - before))

# Loop variables and range iteration.
before = rc(4)
for i in range(5):
    pass
print("loop variable left at 4:", int(rc(4) - before))
del i
print("loop variable deleted:", int(rc(4) - before))
before = rc(10)
vals = [v for v in range(20) if v == 10]
print("comprehension kept one 10:", int(rc(10) - before))
before = rc(2)
ln = len([None, None])
print("len() result 2 bound to a name:", int(rc(2) - before))
