# Calls: functions as values, higher-order, attributes, callable objects.
def square(x):
    return x * x
def apply(f, *args):
    return f(*args)
funcs = [square, abs, str, len]
print([f(-3) if f is not len else f("abc") for f in funcs])
print(apply(square, 7), apply(max, 3, 9, 2), apply(lambda: "no args"))
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(square, inc)(3), compose(inc, square)(3))
def make_multiplier(n):
    def mul(x):
        return x * n
    mul.factor = n
    return mul
triple = make_multiplier(3)
print(triple(5), triple.factor, triple.__name__, callable(triple), callable(5))
print(square.__name__, type(square).__name__, square is square, square == square)
def no_return():
    pass
def bare_return():
    return
print(no_return(), bare_return())
def multiple_returns(x):
    if x > 0:
        return "positive"
    elif x < 0:
        return "negative"
    return "zero"
print([multiple_returns(v) for v in (5, -5, 0)])
def returns_tuple():
    return 1, 2
print(returns_tuple(), type(returns_tuple()).__name__)
def side_effect_order(tag, log):
    log.append(tag)
    return tag
log = []
def three(a, b, c):
    return a + b + c
print(three(side_effect_order("a", log), side_effect_order("b", log), c=side_effect_order("c", log)), log)
dispatch = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print(dispatch["add"](2, 3), dispatch["mul"](2, 3))
print(sorted([3, -1, 2], key=abs), list(map(square, range(5))), max(["aa", "b"], key=len))
def nested_def():
    def helper():
        return "helper"
    return helper() + "!"
print(nested_def())
def recursive_default(n, acc=None):
    acc = [] if acc is None else acc
    if n:
        acc.append(n)
        recursive_default(n - 1, acc)
    return acc
print(recursive_default(4))
f = square
del square
print(f(9), f.__name__)
