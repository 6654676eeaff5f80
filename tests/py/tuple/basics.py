# Tuple construction, indexing, slicing, concatenation, repetition, methods.
t = (1, 2, 3, 2, 1)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t[::2])
print(t.count(2), t.count(9), t.index(2), t.index(1, 1), t.index(2, 2, 4))
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
print((1, 2) + (3,), (0,) * 3, 2 * (1, 2), () * 5, (1,) * -1)
print(tuple(), tuple([1, 2]), tuple("abc"), tuple(range(3)), tuple({1: 2, 3: 4}), tuple(x * x for x in range(4)))
print(1 in t, 9 in t, 9 not in t, (1, 2) in [(1, 2)], t.__len__())
print((), (1,), (1, 2), ((),), ((1,),), (None, True), ("a", ("b", ("c",))))
x = 1, 2, 3
print(x, type(x).__name__)
single = 5,
print(single, len(single))
print((1, 2) == (1, 2), (1, 2) != (1, 3), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 100))
print((1, "a") < (1, "b"), (1, 2.0) == (1, 2), max([(1, 2), (1, 3), (0, 9)]), sorted([(2, "b"), (1, "z"), (2, "a")]))
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t + [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(1)
except AttributeError as e:
    print(type(e).__name__, e)
# tuples containing mutable objects
m = ([1], [2])
m[0].append(10)
print(m)
try:
    m[1] += [3]
except TypeError as e:
    print(type(e).__name__, e, "-> but list was changed:", m)
a, b, c = t[:3]
print(a, b, c)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "pair"}[(1, 2)])
try:
    hash(([1],))
except TypeError as e:
    print(type(e).__name__, e)
print(repr((1,)), str(("s",)), repr(("it's",)), ((1, 2),)[0][1])
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), sum(nested[0]))
print(tuple(reversed(t)), sorted(t), min(t), max(t), sum(t), list(enumerate(("a", "b"))))
