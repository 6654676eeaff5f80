# Generators: yield, yield from, send, close, return values, laziness.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(101)), type(count_up(1)).__name__)
g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
def with_return():
    yield 1
    return "result"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)
def inner():
    yield "a"
    yield "b"
    return "inner done"
def outer():
    r = yield from inner()
    yield "inner returned " + r
    yield from [1, 2]
    yield from range(3, 5)
print(list(outer()))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    yield received
e = echo()
print(next(e), e.send("x"), e.send("y"), e.send(None))
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
c = closing()
print(next(c))
c.close()
print("closed")
c.close()
def gen_exc():
    try:
        yield 1
    except ValueError as err:
        yield "caught " + str(err)
ge = gen_exc()
next(ge)
print(ge.throw(ValueError("thrown")) if hasattr(ge, "throw") else "")
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(5, fib())))
def pipeline():
    nums = (x for x in range(20))
    evens = (x for x in nums if x % 2 == 0)
    squares = (x * x for x in evens)
    return list(squares)
print(pipeline())
gen = (c for c in "ab")
print(iter(gen) is gen, list(gen), list(gen))
try:
    g2 = count_up(2)
    g2.send(5)
except TypeError as err:
    print(type(err).__name__, err)
def running():
    yield 1
    print("resumed")
    yield 2
r = running()
print("created")
print(next(r))
print(next(r))
print(next(r, "exhausted"))
def gen_in_gen():
    for i in range(3):
        yield (j for j in range(i))
print([list(x) for x in gen_in_gen()])
def early():
    return
    yield
print(list(early()))
