# printf-style % formatting.
print("%s" % "str", "%s" % 5, "%s" % [1], "%r" % "r", "%a" % "é", "%s %s" % ("a", "b"))
print("%d %i %u" % (1, 2, 3), "%5d|%-5d|%05d|%+d|% d" % (4, 4, 4, 4, 4))
print("%x %X %#x %#X %o %#o" % (255, 255, 255, 255, 8, 8))
print("%f %.1f %8.3f| %-8.2f| %e %E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 314.159, 314.159, 0.000012, 1e30))
print("%c%c%c" % (72, "i", 33), "%%", "100%%" % (), "%s%%" % 50)
print("%(name)s is %(age)d" % {"name": "Bob", "age": 42}, "%(x)s %(x)r" % {"x": "y"})
print("%*d|%-*d|" % (5, 42, 5, 42), "%.*f" % (2, 3.14159), "%10.4s|" % "abcdefg")
print("%s" % (1,), "%s" % ((1, 2),), "%s" % {"k": 1}, "%s" % None, "%r" % None)
print("%d" % 3.99, "%d" % -3.99, "%i" % True, "%s" % True, "%.2f" % 1, "%x" % 255)
for fmt, args in [("%d", ("x",)), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", (1,)), ("%(k)s", (1,)), ("%c", (-1,)),
                  ("%c", ("ab",)), ("%x", (1.5,)), ("%", ())]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
print("%-10s|%10s|" % ("left", "right"), "%05.1f" % 2.25, "%+.3d" % 7, "%3c|" % "x")
print("%s" % "", "%5s|" % "", "[%s]" % "x" * 2, "%d items" % len([1, 2]))
print(b"%s %d" % (b"bytes", 5), b"%x" % 255)
