# Deeply nested closures, closures over parameters, function factories.
def adder(n):
    return lambda x: x + n
add5 = adder(5)
add10 = adder(10)
print(add5(1), add10(1), adder(-1)(1))
def power_factory(exp):
    def power(base):
        return base ** exp
    return power
square, cube = power_factory(2), power_factory(3)
print(square(4), cube(2), [power_factory(e)(2) for e in range(5)])
def curry(f):
    def g(a):
        def h(b):
            return f(a, b)
        return h
    return g
print(curry(lambda a, b: a * 10 + b)(4)(2))
def pipeline(*funcs):
    def run(x):
        for fn in funcs:
            x = fn(x)
        return x
    return run
p = pipeline(lambda x: x + 1, lambda x: x * 2, str, lambda s: s + "!")
print(p(3))
def memoize(f):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapped
@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(100))
def make_stack():
    items = []
    def push(x):
        items.append(x)
    def pop():
        return items.pop()
    def peek():
        return items[-1] if items else None
    return {"push": push, "pop": pop, "peek": peek, "size": lambda: len(items)}
st = make_stack()
st["push"](1); st["push"](2)
print(st["peek"](), st["size"](), st["pop"](), st["size"]())
def outer():
    v = 0
    def mid():
        def inner():
            nonlocal v
            v += 10
            return v
        return inner
    f = mid()
    f(); f()
    return v
print(outer())
def closure_in_loop_with_nonlocal():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(5):
        add(i)
    return total
print(closure_in_loop_with_nonlocal())
def gen_closure():
    factor = 3
    return (x * factor for x in range(4))
print(list(gen_closure()))
