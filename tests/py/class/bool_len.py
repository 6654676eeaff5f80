# Truthiness from __bool__ and __len__; __bool__ precedence.
class T:
    def __bool__(self):
        return True
class F:
    def __bool__(self):
        return False
class L0:
    def __len__(self):
        return 0
class L3:
    def __len__(self):
        return 3
class BoolWins:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class Plain:
    pass
for obj in [T(), F(), L0(), L3(), BoolWins(), Plain()]:
    name = type(obj).__name__
    print(name, bool(obj), not obj, "if-true" if obj else "if-false", obj and "and-right" or "or-right")
n = 0
while L3() and n < 2:
    n += 1
print("while with L3", n)
print([type(o).__name__ for o in [T(), F(), L0(), L3()] if o])
print(any([F(), L0()]), all([T(), L3()]), list(filter(None, [F(), T()]))[0].__class__.__name__)
class Raises:
    def __bool__(self):
        raise ValueError("no truth")
try:
    if Raises():
        pass
except ValueError as e:
    print(type(e).__name__, e)
class WrongType:
    def __bool__(self):
        return "yes"
try:
    bool(WrongType())
except TypeError as e:
    print(type(e).__name__, e)
class BigLen:
    def __len__(self):
        return 2 ** 70
try:
    bool(BigLen())
except OverflowError as e:
    print(type(e).__name__, e)
