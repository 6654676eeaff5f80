# Positional-only, keyword-only, *args, **kwargs.
def pos_only(a, b, /, c):
    return (a, b, c)
print(pos_only(1, 2, 3), pos_only(1, 2, c=3))
def kw_only(a, *, b, c=3):
    return (a, b, c)
print(kw_only(1, b=2), kw_only(a=1, b=2, c=4))
def both(a, /, b, *, c):
    return (a, b, c)
print(both(1, 2, c=3), both(1, b=2, c=3))
def star(*args):
    return args
print(star(), star(1), star(1, 2, 3), star(*[4, 5]), type(star()).__name__)
def dstar(**kwargs):
    return kwargs
print(dstar(), dstar(a=1), dstar(b=2, a=1), dstar(**{"x": 1}), type(dstar()).__name__)
def everything(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return a, b, c, args, d, e, kwargs
print(everything(1, d=4))
print(everything(1, 20, 30, 40, 50, d=4, f=6))
print(everything(1, c=7, d=8, z=0))
def pos_name_in_kwargs(a, /, **kw):
    return a, kw
print(pos_name_in_kwargs(1, a=2))
def args_then_kw(*args, sep="-"):
    return sep.join(map(str, args))
print(args_then_kw(1, 2, 3), args_then_kw(1, 2, sep="+"))
def first_and_rest(first, *rest):
    return first, rest
print(first_and_rest(1), first_and_rest(1, 2, 3))
def kwargs_order(**kw):
    return list(kw)
print(kwargs_order(z=1, a=2, m=3))
print((lambda a, /, b, *, c: a + b + c)(1, 2, c=3))
def annotated(a: int, b: "str" = "x") -> list:
    return [a, b]
print(annotated(1), annotated.__annotations__)
def doc():
    "The docstring."
    return doc.__doc__
print(doc(), everything.__name__, everything.__qualname__)
