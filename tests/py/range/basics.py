# range: construction, len, indexing, slicing, membership, repr, equality.
for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-5, 5, 4), range(0, -10, -3)]:
    print(repr(r), list(r), len(r), bool(r))
r = range(0, 20, 3)
print(r[0], r[1], r[-1], r[-2], r[len(r) - 1], r.start, r.stop, r.step)
print(r[1:4], r[::-1], r[::2], r[-2:], r[10:], list(r[1:4]), list(r[::-1]))
print(3 in r, 4 in r, 18 in r, 21 in r, -3 in r, 3.0 in r, "3" in r)
print(r.index(9), r.count(9), r.count(10), range(10).index(0))
try:
    r.index(10)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    range()
except TypeError as e:
    print(type(e).__name__, e)
print(range(3) == range(3), range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(3) == [0, 1, 2])
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), list(reversed(range(0))))
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3, -3, -1)))
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(type(e).__name__, e)
print(range(10 ** 20)[-1], range(10 ** 20).__len__ is not None, 10 ** 19 in range(10 ** 20), range(0, 10 ** 20, 7)[10 ** 18])
print(list(range(-3)), list(range(-3, 0)), list(range(3, -3, -2)), range(1, 10)[2:5][1])
total = 0
for i in range(1, 1001):
    total += i
print(total, [i for i in range(5)], tuple(range(3)), set(range(3)))
print(str(range(3)), repr(range(1, 5, 2)), range(5).__len__())
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "end"))
print(list(enumerate(range(10, 13))), list(zip(range(3), range(10, 13))))
print(hash(range(3)) == hash(range(0, 3)), range(3) in [range(0, 3)])
