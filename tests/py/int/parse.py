# int() from strings, floats, bools, with bases; error messages.
print(int("0"), int("42"), int("-17"), int("+5"), int("  12  "), int("\t7\n"), int("1_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o777", 0))
print(int("1010", 2), int("0b1010", 0), int("z", 36), int("ZZ", 36), int("10", 3), int("-0x10", 0))
print(int("0", 0), int("00", 0), int("1_0", 0), int("12345678901234567890123456789"))
print(int(3.9), int(-3.9), int(1e20), int(True), int(), int(-0.0))
for s, base in [("", 10), (" ", 10), ("1.5", 10), ("abc", 10), ("12", 2), ("0x", 16), ("1__0", 10),
                ("_1", 10), ("1_", 10), ("010", 0), ("9", 8), ("0b2", 0), ("- 1", 10), ("++1", 10)]:
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [None, [1], "1", 2.5]:
    try:
        print(int(bad, 10) if isinstance(bad, str) else int(bad))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int("10", 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("10", 37)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(int("7") + int("8"), int(" -0 "), int("0000123"))
print(int(b"42"), int(bytearray(b"17")))
print(int("1" * 50), int("-" + "9" * 40))
class HasInt:
    def __int__(self):
        return 99
class HasIndex:
    def __index__(self):
        return 7
print(int(HasInt()), int(HasIndex()), [10, 20, 30, 40, 50, 60, 70, 80][HasIndex()])
