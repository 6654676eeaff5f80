# More set behaviour: membership of mixed numbers, comprehension, methods with iterables.
s = {1, 2.0, True, 3}
print(len(s), sorted(s), 2 in s, 1.0 in s)
a = set(range(10))
b = set(range(5, 15))
print(sorted(a & b), sorted(a | b)[-3:], sorted(a - b), sorted(b - a), len(a ^ b))
print(a.isdisjoint(range(20, 30)), a.issuperset(range(3)), set(range(3)) <= a, {0} < a)
primes = set(range(2, 50))
for p in range(2, 8):
    primes -= set(range(p * p, 50, p))
print(sorted(primes))
evens = {x for x in range(20) if x % 2 == 0}
print(sorted(evens), sorted({x % 3 for x in evens}))
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
print(sorted(set(counts.values())), sorted(counts))
s2 = set()
for i in [5, 3, 5, 1, 3]:
    s2.add(i)
print(sorted(s2), len(s2))
print(set("aab") == {"a", "b"}, sorted(set([3, 1]) | frozenset([2])))
fs = frozenset([1, 2])
d = {fs: "frozen"}
print(d[frozenset([2, 1])], hash(fs) == hash(frozenset([2, 1])))
s3 = {10, 20, 30}
removed = []
while s3:
    removed.append(s3.pop())
print(sorted(removed), s3)
print(sorted(set(range(5)).union([10], (11,), {12})), sorted(set(range(10)).intersection(range(3, 20), [3, 4, 100])))
u = {1, 2}
u.update(range(3, 5), [9])
print(sorted(u), sorted(u.difference([1], {9})), sorted(u.symmetric_difference(range(3))))
