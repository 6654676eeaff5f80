# int methods and attributes.
for n in [0, 1, -1, 7, 8, 255, 256, -256, 2 ** 64, 2 ** 100 - 1]:
    print(n, n.bit_length(), n.bit_count() if hasattr(n, "bit_count") else "-")
print((10).real, (10).imag, (10).numerator, (10).denominator, (-3).conjugate())
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
print((5).__add__(3), (5).__sub__(3), (5).__mul__(2), (5).__neg__(), (5).__abs__(), (5).__bool__(), (0).__bool__())
print((5).__add__(1.5), (5).__radd__(1), (7).__floordiv__(2), (7).__mod__(-2), (2).__pow__(10))
print((5).__eq__(5), (5).__lt__(6), (5).__eq__("5"), (5).__hash__() == hash(5))
print(int.__name__, type(int).__name__, int("5").__class__.__name__)
print((3).as_integer_ratio(), (-8).as_integer_ratio())
print(int.__add__(2, 3), int.__mul__(4, 5))
