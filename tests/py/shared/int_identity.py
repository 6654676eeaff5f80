# `is` on ints: the shared range [-5, 256], computed values, folded and merged constants.
# (Run with the default int cache: smallpy -X int-cache=... changes these answers.)
def same(label, a, b):
    print(label, a == b, a is b)

# Values produced at run time go through the small-int cache.
same("int('7') vs int('7')", int("7"), int("7"))
same("int('256') pair", int("256"), int("256"))
same("int('257') pair", int("257"), int("257"))
same("int('-5') pair", int("-5"), int("-5"))
same("int('-6') pair", int("-6"), int("-6"))
same("int('0') vs len('')", int("0"), len(""))
same("len('abcdefg') vs int('7')", len("abcdefg"), int("7"))
same("len of 300 items pair", len([0] * 300), len([0] * 300))
base = int("100")
same("base + 156 vs base + 156", base + 156, base + 156)
same("base + 157 vs base + 157", base + 157, base + 157)
same("base * 2 vs base + base", base * 2, base + base)
same("base - 105 vs -5", base - 105, int("-5"))
same("base - 106 vs -6", base - 106, int("-6"))
same("base // 3 vs 33", base // 3, int("33"))
same("base % 7 vs 2", base % 7, int("2"))
same("base ** 1 vs 100", base ** 1, int("100"))
same("-base // 100 vs -1", -base // 100, int("-1"))
same("abs(-base) vs base", abs(-base), base)
same("int(3.0) vs int('3')", int(3.0), int("3"))
same("int(256.9) pair", int(256.9), int(256.9))
same("int(1e3) pair", int(1e3), int(1e3))
same("round(2.5) vs 2", round(2.5), int("2"))
same("hash(5) vs 5", hash(5), int("5"))
same("True + True vs 2", True + True, int("2"))
same("ord('A') vs 65", ord("A"), int("65"))
same("ord('Ā') pair", ord("Ā"), ord("Ā"))
same("[10, 20][1] vs 20", [10, 20][1], int("20"))
same("max(3, 9) vs 9", max(3, 9), int("9"))
same("sum([100, 100]) pair", sum([100, 100]), sum([100, 100]))
same("sum([100, 200]) pair", sum([100, 200]), sum([100, 200]))
same("divmod parts", divmod(base, 7)[0], int("14"))
same("2**8 runtime", base // base * 2 ** 8, int("256"))
same("2**9 runtime pair", (base // base) << 9, (base // base) << 9)
same("bit ops", base & 0xF0, base & 0xF0)
same("-base pair", -base, -base)

# range iteration yields shared objects only inside the cache.
a = list(range(250, 262))
b = list(range(250, 262))
print("range items identical:", [x is y for x, y in zip(a, b)])
c = list(range(-8, 0))
d = [int(str(v)) for v in range(-8, 0)]
print("negative range items identical:", [x is y for x, y in zip(c, d)])
print("enumerate indexes:", [i is j for (i, _), j in zip(enumerate("abc"), range(3))])

# Equal literals in one module are one constant object (the compiler merges them),
# and constant expressions are folded at compile time.
x = 1000
y = 1000
print("two 1000 literals:", x is y)
p = 200 + 200
q = 400 - 0
print("200 + 200 vs 400 - 0 (both folded):", p is q)
def f():
    return 1000
def g():
    return 1000
print("1000 in two functions:", f() is g(), f() is x)
# CPython folds ** only when the result is small (about 128 bits): 2 ** 60 is folded
# (one merged constant), 2 ** 70 is computed at run time (two objects).
big1 = 2 ** 60
big2 = 2 ** 60
print("2 ** 60 (folded):", big1 is big2)
big3 = 2 ** 70
big4 = 2 ** 70
print("2 ** 70 (not folded):", big3 is big4)
neg1 = -1000
neg2 = -1000
print("-1000 twice (folded unary minus):", neg1 is neg2)
r = x + 1
s = x + 1
print("x + 1 at run time:", r is s, r == s)
t = int("1000")
print("int('1000') vs literal 1000:", t is x, t == x)
