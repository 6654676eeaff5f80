# Arithmetic operators on ints, floats, and mixtures.
a, b = 17, 5
print("+", a + b, "-", a - b, "*", a * b, "/", a / b, "//", a // b, "%", a % b, "**", a ** b)
for x, y in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3)]:
    print(x, y, "//", x // y, "%", x % y, "/", x / y, "divmod", divmod(x, y))
for x, y in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (1.0, 0.3)]:
    print(x, y, "//", x // y, "%", x % y, "divmod", divmod(x, y))
print("int/int is float", 6 / 3, type(6 / 3).__name__, 1 / 4)
print("mixed", 1 + 2.0, 3 * 0.5, 10 - 0.25, 2 ** 0.5, 2.0 ** 3, 4 ** -1)
print("power", 2 ** 10, 2 ** -2, (-2) ** 3, -2 ** 2, (-8) ** (1/3) if False else 0, 0 ** 0, 0.0 ** 0)
print("right assoc", 2 ** 3 ** 2, (2 ** 3) ** 2)
print("unary", -a, +a, -(-a), ~a, ~-1, -0.0, +(-2.5))
print("precedence", 2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -3 ** 2, 10 - 4 - 3, 100 / 10 / 5, 2 ** -1)
print("bool arithmetic", True + True, True * 10, False - 1, True / 2, -True, ~True)
print("int * str", 3 * "ab", "ab" * 3, [0] * 3, (1, 2) * 2, 0 * "x")
print("mod float", 5.5 % 2, -5.5 % 2, 5 % -3.0, 0.0 % 5)
print("floordiv float", 5.5 // 2, -5.5 // 2, 1e300 // 1e-300 if False else 1)
print("big", 10 ** 20 // 3, 10 ** 20 % 7, -(10 ** 20) // 3, -(10 ** 20) % 7)
for op, f in [("/", lambda: 1 / 0), ("//", lambda: 1 // 0), ("%", lambda: 1 % 0),
              ("float /", lambda: 1.0 / 0), ("float //", lambda: 1.0 // 0.0), ("float %", lambda: 1.0 % 0.0),
              ("divmod", lambda: divmod(1, 0)), ("0 ** -1", lambda: 0 ** -1), ("0.0 ** -1", lambda: 0.0 ** -1)]:
    try:
        f()
    except ZeroDivisionError as e:
        print(op, type(e).__name__, e)
for expr, fn in [
        ("1 + 'a'", lambda: 1 + 'a'),
        ("'a' - 'b'", lambda: 'a' - 'b'),
        ('[1] * 1.5', lambda: [1] * 1.5),
        ('None + 1', lambda: None + 1),
        ('{} + {}', lambda: {} + {}),
        ("'a' * 'b'", lambda: 'a' * 'b'),
        ("2 ** 'x'", lambda: 2 ** 'x'),
        ("-'s'", lambda: -'s'),
        ('~1.5', lambda: ~1.5),
        ]:
    try:
        fn()
    except TypeError as e:
        print(expr, "->", type(e).__name__, e)
print("negative exponent", 10 ** -3, 2 ** -1074 > 0, type(2 ** -1).__name__)
