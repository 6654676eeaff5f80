# and / or / not: short-circuit, returning operands.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print([] and "x", [0] and "x", "a" and "b" and "c", "a" and 0 and "c")
print(0 or None or False, 0 or None or "last", not 0, not "x", not [], not None)
print(True and 5, False or 5.5, 5 and True, not not 3)
calls = []
def t(name, val):
    calls.append(name)
    return val
r = t("a", 0) and t("b", 1)
print("and stops", r, calls); calls.clear()
r = t("a", 1) and t("b", 2)
print("and continues", r, calls); calls.clear()
r = t("a", 1) or t("b", 2)
print("or stops", r, calls); calls.clear()
r = t("a", 0) or t("b", 0) or t("c", "")
print("or continues", repr(r), calls); calls.clear()
r = t("a", 1) and t("b", 0) or t("c", 3)
print("mixed", r, calls); calls.clear()
r = t("a", 0) or t("b", 1) and t("c", 0)
print("and binds tighter", r, calls); calls.clear()
print("not precedence", not 1 and 0, not (1 and 0), not 0 or 1, (not 0) == True)
print("in if", "yes" if [] or {} else "no", "yes" if [] or {1: 1} else "no")

class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called on", self.v)
        return self.v
    def __repr__(self):
        return "Truth(" + repr(self.v) + ")"
print("obj and", Truth(False) and "x")
print("obj or", Truth(True) or "y")
print("not obj", not Truth(True))
class L:
    def __len__(self):
        return 0
print("len zero is falsy", bool(L()), L() or "fallback")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
