# Generator state, generator expressions over changing data, iterator protocol.
def gen():
    print("  start")
    x = yield "first"
    print("  got", x)
    y = yield "second"
    print("  got", y)
    return x + y
g = gen()
print(next(g))
print(g.send(10))
try:
    g.send(20)
except StopIteration as e:
    print("returned", e.value)
try:
    next(g)
except StopIteration as e:
    print("again", e.value)
def squares(limit):
    for i in range(limit):
        yield i * i
it = squares(4)
print(list(zip(it, it)))
print(list(squares(0)), max(squares(5)), sorted(squares(4), reverse=True), 9 in squares(5))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2), (x for x in [9]))))
def delegating():
    result = yield from accumulate()
    yield "total=%d" % result
def accumulate():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
d = delegating()
next(d)
for v in [1, 2, 3]:
    d.send(v)
print(d.send(None))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(*countdown(5))
a, b, c = countdown(3)
print(a, b, c)
print(dict(zip(countdown(3), "xyz")))
def gen_with_finally():
    try:
        for i in range(3):
            yield i
    finally:
        print("  finally ran")
for v in gen_with_finally():
    print("value", v)
for v in gen_with_finally():
    if v == 1:
        break
print("after break")
x = 10
ge = (x + i for i in range(3))
x = 100
print(list(ge))
lst = [1, 2, 3]
ge2 = (v * 2 for v in lst)
lst.append(4)
print(list(ge2))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
for v in infinite():
    if v > 3:
        break
print("stopped at", v)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration from list iterator", repr(e))
def gen_raises():
    yield 1
    raise ValueError("inside generator")
try:
    for v in gen_raises():
        print("got", v)
except ValueError as e:
    print(type(e).__name__, e)
def bad_stop():
    yield 1
    raise StopIteration("converted")
try:
    list(bad_stop())
except RuntimeError as e:
    print(type(e).__name__, e)
