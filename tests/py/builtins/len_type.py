# len, type, isinstance (with tuples), issubclass, id comparisons, callable.
print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b"xy"), len(""))
print(type(1), type("s"), type(1.0), type([]), type(()), type({}), type(set()), type(None), type(True), type(range(1)))
print(type(len), type(lambda: 0).__name__, type(type), type(object), type(b"").__name__, type(...).__name__)
print(type(1) is int, type(True) is bool, type(True) == int, type(int) is type)
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, int), isinstance("s", str))
print(isinstance(1, (str, int)), isinstance(1, (str, float)), isinstance([], (tuple, (dict, list))), isinstance(1, ()))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, object), isinstance(object, type))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, object)), issubclass(ZeroDivisionError, ArithmeticError))
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, "int")
except TypeError as e:
    print(type(e).__name__, e)
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(a) == id(a[:]), type(id(a)).__name__)
print(callable(len), callable(int), callable(lambda: 0), callable("s"), callable(None), callable(type))
print(type("X", (), {}).__name__ if False else "", int.__name__, str.__name__, type(None).__name__)
print(type(3)(7), type("a")(5), type([])("xy"), type(1.5)("2.5"))
class K:
    pass
print(type(K()) is K, type(K) is type, isinstance(K(), K), K.__name__)
