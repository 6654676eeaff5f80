# str.format: positional, keyword, indices, attributes, specs, conversions.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30), "{0} {x}".format(1, x=2))
print("{0[0]} {0[1]} {1[key]} {2.real}".format([10, 20], {"key": "v"}, 5))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{0!r:>6}".format("q"))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}".format("r", "l", "c", "s", 3.14159))
print("{:,} {:_} {:x} {:o} {:b} {:e} {:%}".format(1234567, 1234567, 255, 8, 5, 1234.5, 0.5))
print("{{}} {{{}}}".format("in braces"), "{:{}{}}".format("nested", ">", 10))
print("{0:{1}.{2}f}".format(3.14159, 10, 2), "{:.{prec}}".format("truncate", prec=3))
print("{}".format(None), "{}".format([1, 2]), "{}".format((1,)), "{}".format({"a": 1}))
print("{:d}".format(True), "{}".format(True), "{:5}|".format(True), "{:>5}".format("ab"))
class Pt:
    x, y = 3, 4
print("{p.x},{p.y}".format(p=Pt), "{0.x}".format(Pt))
print("{:s}".format("str"), "{:10s}|".format("pad"), "{:.2s}".format("abc"))
for fmt, args in [("{", ()), ("}", ()), ("{0} {2}", (1, 2)), ("{x}", ()), ("{:d}", ("s",)), ("{0:}{}", (1, 2)),
                  ("{!x}", (1,)), ("{0[5]}", ([1],)), ("{a.b}", ())]:
    try:
        print("format", repr(fmt), fmt.format(*args))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(repr(fmt), type(e).__name__, e)
print("{} {}".format(*"ab"), "{a} {b}".format(**{"a": 1, "b": 2}))
print("{0:^{1}}|".format("mid", 9), "{:<{w}}|".format("x", w=4))
print("{:c}".format(97), "{:#x}".format(255), "{:+d} {:+d}".format(5, -5), "{: d}".format(5))
print("{0:.1f} {0:.0f} {0:.2e} {0:g}".format(2.5), "{:n}".format(1234))
print(format("s", ""), format(3, ""), format([1], ""), format(None, ""))
try:
    format([1], "d")
except TypeError as e:
    print(type(e).__name__, e)
print("%s-%s" % ("a", "b"), "{}-{}".format("a", "b"), "{0}{0}{0}".format("ab"))
print("{:>{}}".format("x", 3), "{:.3}".format(1.23456), "{:10.3}|".format("abcdef"))
print("{0:x} {0:X} {0:#o} {0:#b}".format(-26))
print("{:=^20}".format(" title "), "{:0>5}".format(7), "{:0<5}".format(7))
