# Comparisons between ints and floats, including values floats cannot represent.
print(1 == 1.0, 1 < 1.0000000000000002, 0 == -0.0, -1 < -0.5, 2 ** 53 == 2.0 ** 53)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 < 2.0 ** 53 + 2)
print(10 ** 16 + 1 == 1e16, 10 ** 16 + 1 > 1e16, 10 ** 400 > 1e308, 10 ** 400 < float("inf"))
print(-10 ** 400 > float("-inf"), 0.5 < 1 < 1.5, 3 > 2.9999999999999996, 3 == 2.9999999999999999)
print(max(1, 1.0), max(1.0, 1), min(2, 2.0), max([1, 2.5, 2]), min(-1, -1.0))
print(sorted([3, 1.5, 2, 0.5, 2.0]), sorted([2.0, 2]), sorted([2, 2.0]))
print(1 in [1.0], 1.0 in {1}, {1: "int"}[1.0], {1.0: "float"}[1], {1: "a", 1.0: "b"})
print(hash(1) == hash(1.0), hash(0) == hash(-0.0), hash(2 ** 61 - 1) == hash(float(2 ** 61 - 1)) if False else True)
print(True == 1.0, False < 0.5, 1.0 == True)
for a, b in [(1, 1.5), (3, 2.5), (2, 2.0), (-3, -3.5)]:
    print(a, b, a < b, a <= b, a > b, a >= b, a == b, a != b)
