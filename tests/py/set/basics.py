# set and frozenset on ints: construction, methods, operators.
s = {3, 1, 2}
print(sorted(s), len(s), 1 in s, 5 in s, 5 not in s)
s.add(5); s.add(1)
print("add", sorted(s))
s.discard(3); s.discard(42)
print("discard", sorted(s))
s.remove(5)
print("remove", sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print(type(e).__name__, e)
s.update([7, 8], (9,), range(2))
print("update", sorted(s))
p = {10}.pop()
print("pop single", p)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
c = s.copy(); c.clear()
print("copy/clear", sorted(s), c)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print("|", sorted(a | b), "&", sorted(a & b), "-", sorted(a - b), "^", sorted(a ^ b))
print("union", sorted(a.union(b, [10])), "intersection", sorted(a.intersection(b, {4})), "difference", sorted(a.difference(b)))
print("symmetric_difference", sorted(a.symmetric_difference(b)))
print("subset", {1, 2} <= a, {1, 2} < a, a <= a, a < a, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({9}))
print("superset", a >= {1}, a > a, {1} > set())
x = {1, 2, 3}
x.intersection_update({2, 3, 4}); print("intersection_update", sorted(x))
x.difference_update([3]); print("difference_update", sorted(x))
x.symmetric_difference_update({2, 9}); print("symmetric_difference_update", sorted(x))
print(set(), set([1, 1, 2]), set(range(3)), set("aa"), {1, 2} == {2, 1}, {1} == frozenset({1}))
f = frozenset([3, 1, 3])
print(f, sorted(f), len(f), 1 in f, sorted(f | {9}), type(f | {9}).__name__, type({9} | f).__name__)
print(hash(frozenset()) == hash(frozenset()), {f: "frozen key"}[frozenset({1, 3})], frozenset({1, 2}) == {1, 2})
try:
    f.add(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} + {2}
except TypeError as e:
    print(type(e).__name__, e)
print({x % 5 for x in range(100)}, {n for n in [3, 1, 2]}, {True, 1, 1.0}, {0, False})
print(sorted({-1, -5, 10, 0}), sorted({2 ** 70, 1, -3}), max({4, 9, 2}), sum({1, 2, 3}))
print(set([1, 2, 3]) - {2}, {1, 2, 3} - {1, 2, 3}, repr(set()), repr(frozenset()), frozenset({4}))
seen = set()
dups = []
for v in [1, 4, 2, 4, 1, 5, 1]:
    if v in seen:
        dups.append(v)
    seen.add(v)
print(dups, sorted(seen))
print(len(set(range(1000)) & set(range(500, 1500))), len(set(range(0, 100, 2)) | set(range(0, 100, 3))))
r = {1, 2}
r |= {3}; r &= {1, 3}; r -= {1}; r ^= {4}
print(sorted(r))
