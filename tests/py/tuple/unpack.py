# Tuple packing/unpacking in returns, loops, and swaps.
def divmod_pair(a, b):
    return a // b, a % b
q, r = divmod_pair(17, 5)
print(q, r, divmod_pair(17, 5))
def many():
    return 1, "two", [3], (4,)
a, b, c, d = many()
print(a, b, c, d)
(a, b), (c, d) = (1, 2), (3, 4)
print(a, b, c, d)
first, *rest = (10, 20, 30)
print(first, rest, type(rest).__name__)
for name, (x, y) in [("p", (1, 2)), ("q", (3, 4))]:
    print(name, x + y)
x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)
pairs = list(zip((1, 2, 3), ("a", "b", "c")))
print(pairs, list(zip(*pairs)))
print(max((3, "c"), (3, "d")), min(((2, 1), (1, 5))))
def stats(*nums):
    return min(nums), max(nums), sum(nums) / len(nums)
lo, hi, avg = stats(4, 8, 15, 16, 23, 42)
print(lo, hi, avg)
t = tuple(range(10))
head, second, *middle, tail = t
print(head, second, middle, tail)
