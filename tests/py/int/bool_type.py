# bool is a subclass of int.
print(True, False, repr(True), str(False), type(True).__name__)
print(True + True, True - False, True * 7, True / 2, True // 1, False ** 0, -True, ~False)
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), bool.__mro__ if False else bool.__bases__)
print(True == 1, False == 0, True == 1 == 1.0, hash(True) == hash(1), {True: "a", 1: "b"})
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("0"), bool([]), bool([[]]), bool(None), bool())
print(True and False, True or False, not True, True & True, True | False, True ^ True, type(True ^ False).__name__)
print(sum([True, True, False, True]), max(False, True), sorted([True, False, True]))
print(int(True), float(True), str(True) + "!", f"{True}", f"{True:d}", f"{True:>6}", "%d %s" % (True, True))
print(["no", "yes"][True], "abc"[False], (10, 20)[True])
print(True.real, True.bit_length(), True.numerator, (True).__class__.__name__)
try:
    bool.__new__  # exists
    class MyBool(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool("False"), bool(" "))
x = 5
print(x > 3 == True, (x > 3) == True)
one = 1
print(True + 0 == one, one is True, bool(one) is True)
