# Float formatting: format specs, %-formatting, str.format.
x = 1234.5678
print(format(x), format(x, ".2f"), format(x, "10.1f") + "|", format(x, "<10.1f") + "|", format(x, "^12.3f") + "|")
print(format(x, "e"), format(x, ".3E"), format(x, "g"), format(x, ".3g"), format(x, ".10g"), format(x, "G"))
print(format(x, ","), format(x, ",.2f"), format(x, "_.1f"), format(x, "+.1f"), format(-x, " .1f"), format(x, "012.2f"))
print(format(0.25, "%"), format(0.25, ".1%"), format(1e-10, "g"), format(1e20, "g"), format(1e16, ".0f"))
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))
print(format(1e-5, ""), format(1e16, ""), format(123.0, ""), format(1.0, "g"), format(100000.0, "g"), format(1000000.0, "g"))
print(format(3.0, ".3"), format(3.14159, ".3"), format(1e22, ".3"), format(0.0001, ".2"), format(-0.0, "f"))
print("%f %.2f %10.3f| %-10.1f| %e %.2E %g %G" % (x, x, x, x, x, x, x, 1e-20))
print("%5.1f%%" % 99.5, "%s %r" % (0.1, 0.1), "%d" % 3.7, "%.0f" % 0.5, "%.0f" % 1.5, "%+.2e" % -12345.678)
print("{:.2f} {:>8.2f} {:<8.2f}| {:^8.1f}| {:e}".format(x, x, x, x, x))
print("{0:.3} {0:.3f} {0:.3e} {0:.3%}".format(2 / 3))
print(f"{x:#.0f} {x:#g} {1.0:#.3g} {1e-7:f} {1e-7:.10f}")
print(str(1e-7), f"{1e-7}", "%s" % 1e-7, "{}".format(1e-7))
print(format(float("inf"), ".2f"), format(float("nan"), "f"), format(float("-inf"), "e"), format(float("inf"), "F"))
try:
    format(1.5, "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1.5, "x")
except ValueError as e:
    print(type(e).__name__, e)
