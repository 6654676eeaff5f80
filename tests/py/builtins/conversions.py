# int, float, str, repr, bool, chr, ord, hex, oct, bin, list, tuple, dict, set.
print(int(), int(3.7), int("12"), int("  -3 "), int("ff", 16), int(True), float(), float(3), float("-1.5"), float(" 2 "))
print(str(), str(5), str(-1.5), str([1, "a"]), str(None), str(True), repr("x"), repr(1.0), repr([None]))
print(bool(), bool(0), bool(7), bool(""), bool("x"), bool([]), bool([0]), bool(None), bool(0.0), bool(-0.0))
print(chr(65), chr(97), chr(48), chr(955), chr(8364), ord("A"), ord("a"), ord("0"), ord("λ"), ord("€"), ord("\n"))
print(hex(0), hex(255), hex(-255), hex(2 ** 64), oct(8), oct(-8), oct(0), bin(0), bin(5), bin(-5), bin(2 ** 40))
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr("a")
except TypeError as e:
    print(type(e).__name__, e)
print(list(), list("ab"), list((1, 2)), list(range(3)), list({"a": 1}), list({3}), list(b"AB"))
print(tuple(), tuple("ab"), tuple([1, 2]), tuple(x for x in range(3)))
print(dict(), dict(a=1), dict([("k", "v")]), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])), dict([[1, 2]]))
print(sorted(set()), sorted(set([3, 1, 3])), sorted(set("hello")), sorted(frozenset(range(4))))
print(str(123).zfill(6), int(str(45) + "6"), float(str(1.25)), repr(str(7)), list(str(102)))
print(int(float("1e3")), int(-2.999), float(int("9" * 20)), str(float(1)), repr(float("inf")))
print(bytes(2), bytes([1, 2]), bytes("é", "utf-8"), list(bytes(b"ab")))
