# int to text: str, repr, hex/oct/bin, format specs, %-formatting.
for n in [0, 1, -1, 255, -255, 2 ** 31, 2 ** 64, -(2 ** 70)]:
    print(str(n), repr(n), hex(n), oct(n), bin(n))
print(format(42), format(42, "d"), format(42, "5d"), format(42, "<5d") + "|", format(42, "^6") + "|")
print(format(42, "x"), format(42, "#X"), format(42, "o"), format(42, "#o"), format(42, "b"), format(42, "#010b"))
print(format(1234567, ","), format(1234567, "_"), format(-1234567, ",d"), format(0xdeadbeef, "_x"))
print(format(42, "+"), format(-42, "+"), format(42, " "), format(42, "-"), format(-42, "08"), format(42, "=+8"))
print(format(42, "e"), format(42, ".2f"), format(42, "%"), format(42, "g"), format(10 ** 20, "e"))
print(format(65, "c"), format(0x1F600, "c"))
print("%d %i %5d %-5d| %05d %+d %x %X %o %#x %#o" % (42, 42, 42, 42, 42, 42, 255, 255, 8, 255, 8))
print("%d" % 2 ** 70, "%x" % 2 ** 70, "%s %r" % (10, 10), "%d" % 3.99, "%d" % True)
print("{} {:d} {:>6} {:<6}| {:^6}| {:06} {:x} {:#b}".format(7, 7, 7, 7, 7, 7, 255, 5))
print("{:,} {:_b} {:+} {:.3e}".format(10 ** 9, 255, 0, 123456))
print(str(-0), repr(0x0), str(int("-000")))
try:
    format(42, "s")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(42, ".2d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "%d" % "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(-1, "c")
except OverflowError as e:
    print(type(e).__name__, e)
print(len(str(2 ** 10000)), str(2 ** 10000)[:20], str(2 ** 10000)[-20:])
try:
    str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(len(str(10 ** 4299)), len(repr(-(10 ** 4299))))
