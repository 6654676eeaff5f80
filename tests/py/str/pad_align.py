# zfill, center, ljust, rjust.
for s in ["", "a", "ab", "abc", "-42", "+7", "hello world"]:
    print(repr(s.zfill(5)), repr(s.center(7)), repr(s.center(8, "*")), repr(s.ljust(6, ".")), repr(s.rjust(6)), repr(s.ljust(1)))
print("42".zfill(1), "-0".zfill(4), "+".zfill(3), "abc".center(4), "abc".center(5, "é"), "日本".rjust(5, "ー"))
print("x".center(0), "x".center(-3), "ab".center(3), "ab".center(4), "abc".center(6), "abc".center(7))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".ljust("5")
except TypeError as e:
    print(type(e).__name__, e)
table = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("banana", 100, 10.0)]
for name, qty, price in table:
    print(name.ljust(8) + str(qty).rjust(5) + ("%.2f" % price).rjust(8) + "|")
