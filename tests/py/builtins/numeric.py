# abs, divmod, pow, round, min, max, sum, hash of numbers.
print(abs(-3), abs(3), abs(-2.5), abs(0), abs(-0.0), abs(-10 ** 30), abs(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(10 ** 20, 7))
print(pow(2, 8), pow(2, -2), pow(2, 100, 1000), pow(-3, 3), pow(4, 0.5), pow(0, 0), pow(7, 2, -5))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(7), round(-7.7))
print(round(1234.567, 1), round(1234.567, -1), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"), max([1, 2], [1, 3]), min((3, 1)))
print(max([], default="empty"), min([], default=None), max([5], default=0), max("abc", key=ord))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len), max([-5, 3, -7], key=abs))
print(max(1, 2.5), min(2, 2.0), max(2.0, 2), max([3, 3], key=lambda x: 0), min([(1, "b"), (1, "a")]))
print(max(x * x for x in range(-3, 3)), min({5: "a", 2: "b"}), max({"x": 1, "y": 0}, key=lambda k: -ord(k)))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    min([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    max(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    max()
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([0.1] * 3), sum([[1], [2]], []), sum(range(5), start=100))
print(sum([1, 2.5]), sum([True, True]), sum(x for x in range(4)), sum([10 ** 20, 1]), sum(((1, 2), (3,)), ()))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 62), hash(-2 ** 61))
print(hash(10 ** 20), hash(-(10 ** 20)), hash(True), hash(False), hash(None) == hash(None))
print(hash(1.0), hash(1.5), hash(-0.5), hash(0.1), hash(2.0 ** 61), hash(1e100), hash(float("inf")), hash(-float("inf")))
print(hash(3) == hash(3.0), hash(-1) == hash(-1.0), hash(0.0) == hash(-0.0), hash((1, 2)) == hash((1.0, 2.0)))
print(hash(()), hash((1,)), hash((1, 2)), hash((-1, -2)), hash(((),)))
