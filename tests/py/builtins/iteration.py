# iter, next, enumerate, zip, reversed, sorted, any, all, map, filter, range.
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("xy", start=-1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")), dict(zip("ab", range(2))))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1, 2], [3, 4], strict=True)))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(iter([1]))
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([3, 1, 2]), sorted("cba"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}), sorted((2, 1)))
print(any([]), any([0, "", None]), any([0, 1]), all([]), all([1, "a"]), all([1, 0]), any(x > 2 for x in range(5)))
print(list(map(abs, [-1, -2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, [1, 2], [10, 20], [100, 200, 300])))
print(list(map(str.upper, ["a", "b"])), list(map(len, ["", "ab", "abc"])), list(map(int, "123")))
print(list(filter(None, [0, 1, False, 2, "", "x", None])), list(filter(lambda x: x % 2, range(8))), list(filter(str.isdigit, "a1b2")))
m = map(lambda x: x * 10, [1, 2, 3])
print(next(m), list(m), list(m))
f = filter(None, [1, 0, 2])
print(type(m).__name__, type(f).__name__, type(zip()).__name__, type(enumerate([])).__name__)
e = enumerate("ab")
print(iter(e) is e, next(e), list(e))
z = zip("ab", [1, 2])
print(next(z), list(z))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
print(list(range(3)), list(range(1, 4)), list(range(0, 10, 4)), list(range(5, 0, -2)))
for i, (a, b) in enumerate(zip("xy", "XY")):
    print(i, a, b)
print(sum(map(int, "12345")), max(map(len, ["a", "abc", "ab"])), sorted(map(lambda s: s[::-1], ["ab", "cd"])))
try:
    next(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    map(None)
except TypeError as e:
    print(type(e).__name__, e)
