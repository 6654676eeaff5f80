# f-strings: expressions, conversions, format specs, nesting, = specifier.
name = "World"
n = 42
pi = 3.14159265
items = [1, 2, 3]
d = {"key": "value", "n": 5}
print(f"Hello, {name}!")
print(f"{n} {n + 1} {n * 2} {n // 5} {-n}")
print(f"{name!r} {name!s} {name!a}", f"{'é'!a}", f"{'é'!r}")
print(f"{items} {items[0]} {items[-1]} {len(items)}")
print(f"{d['key']} {d['n'] * 2}", f'{d["key"]}')
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e} {pi:.3e} {pi:g}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:+}| {n: }")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b} {255:08b}")
print(f"{1234567:,} {1234567:_} {1234567.891:,.2f} {0.25:%} {0.25:.0%}")
print(f"{name:>10}|{name:<10}|{name:^10}|{name:*^11}|{name:.3}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|{name:{'>'}{width}}|")
print(f"{'nested' + ' quotes'}", f"""{"triple" + 'mixed'}""")
print(f"{{literal braces}} {{{n}}}")
print(f"{n=}", f"{n + 1=}", f"{name=!s}", f"{pi=:.2f}", f"{ items[1] = }")
print(f"{'a' if n > 10 else 'b'}", f"{(lambda x: x * 2)(4)}")
print(f"{[x * 2 for x in range(3)]}", f"{ {'k': 1}['k'] }")
print(f"{3.0} {1e20} {1 / 3} {True} {None} {b'bytes'}")
print(f"multi {n} " f"part {name}" " plain")
print(rf"raw {n}\n", fr"\t{name}")
print(f"{n!r:>6}|{name!r:^12}|")
print(f"{'%d' % 5} {'{}'.format(7)}")
x = 10
print(f"{x:{'<' if x > 5 else '>'}6}|")
print(f"{x:#06x} {-x:06} {x:=+6}")
print(f"""triple
{name}
quoted""")
class P:
    def __format__(self, spec):
        return "P(" + spec + ")"
    def __str__(self):
        return "str-P"
    def __repr__(self):
        return "repr-P"
p = P()
print(f"{p} {p:abc} {p!s} {p!r} {p=}")
try:
    f"{n:q}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{name:d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{undefined_thing}"
except NameError as e:
    print(type(e).__name__, e)
print(f"{'':>3}|{'':-<4}|")
print(f"{12.5:.0f} {13.5:.0f} {2.675:.2f} {-0.0:.1f}")
print(f"{123:>+8,}|{1e6:,.1f}|{-1234.5:_.2f}")
