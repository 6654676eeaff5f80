# repr/str of floats: shortest round-trip, exponent thresholds.
vals = [0.0, -0.0, 1.0, 0.1, 0.5, 1.5, 2.675, 100.0, 1e15, 1e16, 1e17, 123456789012345.6,
        1234567890123456.7, 0.0001, 0.00001, 1e-5, 1.5e-5, 1e-7, 3.14159, 2.0 ** 0.5,
        1e22, 1e23, 1e100, 1.7976931348623157e308, 2.2250738585072014e-308, 5e-324,
        0.30000000000000004, 9.999999999999999e22, 12345.6789, 1 / 3, 2 / 3, 100 / 3,
        0.1 + 0.7, 4.35 * 100, 1e16 - 1, 9007199254740993.0, 1.0e-10, 6.02214076e23]
for v in vals:
    print(repr(v), str(v), v == float(repr(v)))
for v in [-1.0, -0.1, -1e16, -1e-5, -123.456]:
    print(repr(v))
print(float("inf"), float("-inf"), float("nan"), repr(float("inf")), str(-float("inf")))
print([1.0, 2.5], (0.1,), {0.5: 1.5})
print(1e16 == 10 ** 16, 1e15 == 10 ** 15, str(1e16), str(10 ** 16))
print(float("0.1"), float("1e1000"), float("-1e-1000"), float("1_000.5"), float(".5"), float("5."))
print(float("  12.5\n"), float("+1.0"), float("-0"), float("inFinity"), float("-nan"))
print(1.0 .__repr__(), (2.5).__str__())
