# Argument binding errors and their messages.
def f(x):
    return x
def g(a, b):
    return a + b
def h(a, b=1, *, c):
    return a
def p(a, /, b):
    return a
def k(*, key):
    return key
def v(a, *args):
    return a
def none():
    return 0
class C:
    def m(self, x):
        return x
    def __init__(self, a):
        self.a = a
five, text, nothing = 5, "s", None
tests = [
    ("f()", lambda: f()),
    ("f(1, 2)", lambda: f(1, 2)),
    ("f(y=1)", lambda: f(y=1)),
    ("f(1, x=2)", lambda: f(1, x=2)),
    ("g()", lambda: g()),
    ("g(1)", lambda: g(1)),
    ("g(1, 2, 3)", lambda: g(1, 2, 3)),
    ("g(b=1)", lambda: g(b=1)),
    ("h(1)", lambda: h(1)),
    ("h(1, 2, 3)", lambda: h(1, 2, 3)),
    ("h(1, 2, 3, c=4)", lambda: h(1, 2, 3, c=4)),
    ("h()", lambda: h()),
    ("p(a=1, b=2)", lambda: p(a=1, b=2)),
    ("k(1)", lambda: k(1)),
    ("k()", lambda: k()),
    ("k(key=1, other=2)", lambda: k(key=1, other=2)),
    ("v()", lambda: v()),
    ("none(1)", lambda: none(1)),
    ("none(a=1)", lambda: none(a=1)),
    ("C(1).m()", lambda: C(1).m()),
    ("C(1).m(1, 2)", lambda: C(1).m(1, 2)),
    ("C()", lambda: C()),
    ("C(1, 2)", lambda: C(1, 2)),
    ("C.m(1)", lambda: C.m(1)),
    ("f(**{'x': 1, 'y': 2})", lambda: f(**{"x": 1, "y": 2})),
    ("g(1, *[2, 3])", lambda: g(1, *[2, 3])),
    ("(lambda: 0)(1)", lambda: (lambda: 0)(1)),
    ("(lambda a, b: 0)(1)", lambda: (lambda a, b: 0)(1)),
    ("five()", lambda: five()),
    ("text(1)", lambda: text(1)),
    ("nothing()", lambda: nothing()),
    ("len()", lambda: len()),
    ("len(1, 2)", lambda: len(1, 2)),
    ("len(5)", lambda: len(5)),
    ("abs(x=1)", lambda: abs(x=1)),
]
for label, fn in tests:
    try:
        fn()
        print(label, "-> no error")
    except TypeError as e:
        print(label, "->", type(e).__name__ + ":", e)
def three(a, b, c):
    pass
for call in [lambda: three(), lambda: three(1), lambda: three(1, 2, 3, 4), lambda: three(1, 2, 3, 4, 5)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__ + ":", e)
def kwonly2(*, a, b):
    pass
try:
    kwonly2()
except TypeError as e:
    print(type(e).__name__ + ":", e)
try:
    kwonly2(1, 2)
except TypeError as e:
    print(type(e).__name__ + ":", e)
def defaults(a, b=1, c=2):
    pass
try:
    defaults(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__ + ":", e)
try:
    defaults()
except TypeError as e:
    print(type(e).__name__ + ":", e)
