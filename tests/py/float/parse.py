# float() parsing and errors.
for s in ["1", "1.5", "-1.5", "+.5", "5.", "1e5", "1E-5", "  3.25  ", "1_0.5", "inf", "-Infinity", "nan", "NAN",
          "1e400", "-1e400", "0.000000000000000000001", "123456789012345678901234567890", "0x10" if False else "16"]:
    print(repr(s), float(s))
for s in ["", " ", "abc", "1.5.2", "1e", "e5", "--1", "1_", "_1", "1__0", "0x10", "1,5", "in f", "nan1"]:
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [None, [1.0], {}]:
    try:
        float(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(float(), float(0), float(-0), float(10 ** 20), float(b"2.5"))
class F:
    def __float__(self):
        return 4.5
class I:
    def __index__(self):
        return 3
print(float(F()), float(I()))
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
