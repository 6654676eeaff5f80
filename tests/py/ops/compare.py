# Comparison operators, chained comparisons, mixed types.
print(1 < 2, 2 < 1, 1 <= 1, 1 > 0, 1 >= 2, 1 == 1, 1 != 1)
print(1 == 1.0, 1 < 1.5, 2 > 1.99, True == 1, False == 0, True < 2, 0.1 + 0.2 == 0.3)
print("a" < "b", "abc" < "abd", "ab" < "abc", "" < "a", "Z" < "a", "a" == "a", "é" > "z")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], (1, "a") < (1, "b"), (2,) > (1, 9))
print([1, 2] == [1, 2], [1, 2] != [2, 1], (1, 2) == (1, 2.0), {1: 2} == {1: 2.0}, {1, 2} == {2, 1})
print("chained", 1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1.0, 1 < 2 > 0, 0 < 5 <= 5 < 6)
print("chained not transitive", 1 < 3 > 2, 5 == 5 != 4, 2 != 3 != 2)
log = []
def v(x):
    log.append(x)
    return x
print("short-circuit", v(3) < v(2) < v(1), log)
log.clear()
print("middle evaluated once", v(1) < v(2) < v(3), log)
print("set comparisons", {1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} < {2}, {1, 2} >= {3})
print("None", None == None, None == 0, None != False, None is None)
print("nan", float("nan") == float("nan"), float("nan") != float("nan"), float("nan") < 1, float("inf") > 10 ** 300)
print("big vs float", 10 ** 400 > 1e308, -10 ** 400 < -1e308, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 == 2.0 ** 53)
for a, b in [(1, "1"), ([], ()), (None, 0), ("a", 1)]:
    print("eq mixed", repr(a), repr(b), a == b, a != b)
for expr, fn in [
        ("1 < '1'", lambda: 1 < '1'),
        ('[] < ()', lambda: [] < ()),
        ('None < 0', lambda: None < 0),
        ("'a' > 1", lambda: 'a' > 1),
        ('{} < {}', lambda: {} < {}),
        ("[1] < ['a']", lambda: [1] < ['a']),
        ("(1, 2) < (1, 'x')", lambda: (1, 2) < (1, 'x')),
        ('len < len', lambda: len < len),
        ]:
    try:
        fn()
    except TypeError as e:
        print(expr, "->", type(e).__name__, e)
print("not", not 1 == 2, not (1 == 2), (not 1) == 2)
t = True
print("bool results", type(1 < 2).__name__, (1 < 2) is t)
