# int subclasses, format specs, bytes conversion, rounding, pow, hash and error messages.
import sys
class C(int):
    def double(self): return C(self * 2)
    def __repr__(self): return f"C({int(self)})"
c = C(21)
print(c, c.double(), c + 1, type(c + 1), isinstance(c, int), C("ff", 16), hash(c) == hash(21))
print(format(1234567, ","), format(1234567, "_x"), format(-42, "+08d"), format(255, "#b"), format(65, "c"), format(12, "^9n"), format(10**20, ".3e"))
print((1000).to_bytes(4, "big"), int.from_bytes(b"\xff\xfe", "little", signed=True), (-1).to_bytes(2, "big", signed=True))
print(round(1234567, -3), round(1250, -2), round(1350, -2), (7).as_integer_ratio(), (2**100).bit_length(), (2**100 - 1).bit_count())
print(pow(3, -1, 7), pow(2, 100, 10**9 + 7), pow(-3, 3), pow(2, -2), divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2)
print(hash(-1), hash(2**61), hash(2**61 - 1), hash(-2**63), hash(10**30))
print(int("  -0b1010  ", 0), int("1_000", 10), int(3.99), int(-3.99), float(2**1000) == 2.0**1000, 2**53 + 1 == float(2**53 + 1))
print(1 / 3, 10**30 / 7, (10**400) // (10**399), 2**64 >> 3, ~5, -5 & 0xff, -5 | 2, 5 ^ -3)
try: int("12a")
except ValueError as e: print(e)
try: 10**400 / 1.0
except OverflowError as e: print(e)
try: float(10**400)
except OverflowError as e: print(e)
try: pow(2, -1, 4)
except ValueError as e: print(e)
print(True + True, True * 3, -True, (True).__class__, bool.__mro__)
