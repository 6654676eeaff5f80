# __iter__ / __next__, StopIteration, iterables vs iterators.
class CountDown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(CountDown(5)))
cd = CountDown(3)
print(next(cd), next(cd), next(cd), next(cd, "done"))
print(list(cd), iter(cd) is cd)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2
r = Range2(7)
print(list(r), list(r), sum(r), [x * x for x in r], 4 in r, 5 in r)
it = iter(r)
print(type(it).__name__, next(it), next(it))
a, b, *c = Range2(10)
print(a, b, c)
print(dict(zip(Range2(6), "abc")), sorted(Range2(5), reverse=True), max(Range2(9)))
class Pairs:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return PairIter(self.data)
class PairIter:
    def __init__(self, data):
        self.data, self.i = data, 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i + 1 >= len(self.data):
            raise StopIteration
        pair = (self.data[self.i], self.data[self.i + 1])
        self.i += 2
        return pair
for x, y in Pairs([1, 2, 3, 4, 5]):
    print("pair", x, y)
class NotIterable:
    pass
try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in NotIterable():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
li = iter([1, 2, 3])
print(next(li), list(li), list(li))
s = iter("ab")
print(next(s), next(s), next(s, None))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
