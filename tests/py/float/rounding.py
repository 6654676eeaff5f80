# round(), is_integer, as_integer_ratio, int()/float() conversions.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1e16, 7.0]:
    print(v, round(v), type(round(v)).__name__, round(v, 0), round(v, 1), round(v, 2))
print(round(3.14159, 3), round(1234.5678, -2), round(1234.5678, -3), round(-1234.5678, -1), round(0.125, 2))
print(round(5), round(5, 2), round(15, -1), round(25, -1), round(-25, -1), round(123456, -3), type(round(5, 1)).__name__)
print(round(2.5, None), round(1.05, 1), round(1.15, 1), round(1.25, 1), round(1.35, 1), round(2.345, 2))
print((2.0).is_integer(), (2.5).is_integer(), (-0.0).is_integer(), (1e300).is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio(), (3.0).as_integer_ratio())
print(int(2.9), int(-2.9), int(1e18), int(1.5e19), int(-0.999), float(7), float(-2 ** 62))
print((1.5).hex() if False else "", (2.5).real, (2.5).imag, (2.5).conjugate())
try:
    (float("inf")).as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print(type(e).__name__, e)
