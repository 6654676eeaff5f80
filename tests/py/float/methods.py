# float methods, hashing, and conversions between int and float.
for v in [0.0, 1.0, -2.5, 0.1, 1e300, 123.456]:
    print(repr(v), v.is_integer(), v.real, v.imag, v.conjugate(), hash(v) == hash(v))
print(hash(2.0) == hash(2), hash(0.5), hash(-0.5), hash(1e20) == hash(10 ** 20), hash(1.1))
print(int(1e15), int(-1e15), int(123.999), int(2.0 ** 63), int(-2.0 ** 63), int(1e25))
print(float(2 ** 63), float(-2 ** 63 - 1), float(10 ** 25), float(123456789123456789))
print(3.7 // 1, -3.7 // 1, 3.7 % 1, -3.7 % 1, divmod(3.7, 1))
print(max(0.1, 0.2), min(-0.0, 0.0), max(-0.0, 0.0), sum([0.5, 0.25, 0.125]), abs(-1e-300))
print(2.5 .__add__(1), (2.5).__mul__(2), (2.5).__truediv__(0.5), (1.5).__eq__(1.5), (1.0).__eq__(1))
print(float.__name__, type(1.5).__name__, isinstance(1.5, float), isinstance(1, float))
print(round(1e300 * 10, 2), -(1e300 * 10), 1e300 * 10 - 1e300 * 10)
