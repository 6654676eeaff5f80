# Generators, generator expressions and comprehensions of all kinds.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def pairs(it):
    prev = None
    for x in it:
        if prev is not None:
            yield prev, x
        prev = x

def pipeline(n):
    evens = (x for x in numbers(n) if x % 2 == 0)
    squares = (x * x for x in evens)
    diffs = (b - a for a, b in pairs(squares))
    return sum(diffs)

total = pipeline(600000)
lists = [[i * j for j in range(30)] for i in range(6000)]
flat = [v for row in lists for v in row if v % 3]
sets = {v % 1009 for v in flat}
dicts = {k: [v for v in range(k % 7)] for k in range(40000)}
chained = sum(len(v) for v in dicts.values())
def delegate(n):
    yield from numbers(n)
    yield from (x * 2 for x in range(n))
print("genexp", total, len(flat), sum(flat) % 1000003, len(sets), chained, sum(delegate(100000)))
