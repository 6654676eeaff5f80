# List construction, indexing, mutation, operators.
a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a[1:], a[::-1])
a[0] = 10
a[-1] = 30
print(a)
print(a + [4], a * 2, [0] * 3, 2 * ["x"], [] * 5, [1] * 0)
print(list(), list("abc"), list(range(4)), list((1, 2)), list({"k": 1}), list(x for x in "hi"))
b = a
b.append(99)
print(a, a is b, a == [10, 2, 30, 99])
c = a[:]
c.append(100)
print(a, c, a is c)
print([1, 2] == [1, 2], [1, 2] != [1, 2, 3], [1, [2, 3]] == [1, [2, 3]], [] == [], [0] == [False])
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [[]], ["a"] < ["b"])
print(5 in [1, 5], 6 in [1, 5], [1] in [[1], [2]], "a" in ["abc"])
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
shared = [[0] * 3] * 3
shared[1][1] = 5
print(shared)
nested = [1, [2, [3, [4, [5]]]]]
print(nested, nested[1][1][1][1][0])
print([None, True, 1.5, "s", b"b", (1,), {1: 2}, {3}, [4]])
print(repr(["it's", 'say "hi"']), str(["a"]), str([]))
try:
    a[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a[10] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a["x"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
print(sum([1, 2, 3]), min([3, 1, 2]), max(["b", "a"]), sorted([3, 1, 2]), list(reversed([1, 2, 3])))
print(len([[], [], []]), [[]] == [[]], bool([]), bool([[]]))
x = [1, 2, 3]
x[1:2] = [7, 8, 9]
print(x)
