# is / is not / in / not in on many containers.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c, None is None, True is True)
print(1 in [1, 2], 3 in [1, 2], 3 not in [1, 2], not 3 in [1, 2])
print("ab" in "cabd", "" in "abc", "x" not in "abc", "abc" in "abc", "ac" in "abc")
print(2 in (1, 2), 2 in {2: "x"}, "x" in {2: "x"}, 2 in {1, 2}, 5 in range(10), 10 in range(10))
print(1.0 in [1], True in [1], 0 in [False], [1] in [[1], 2], (1,) in [(1,), 3])
print(3 in range(0, 10, 3), 4 in range(0, 10, 3), -1 in range(-5, 0), 2.0 in range(5))
print(b"a" in b"abc", 97 in b"abc")
nan = float("nan")
print("nan identity in list", nan in [nan], float("nan") in [float("nan")])
class Container:
    def __contains__(self, item):
        print("contains", item)
        return item == 42
print(42 in Container(), 1 in Container(), 1 not in Container())
class Iterable:
    def __iter__(self):
        return iter([10, 20, 30])
print(20 in Iterable(), 25 in Iterable())
class Indexed:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 100
print(200 in Indexed(), 300 in Indexed())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] in {1: 2}
except TypeError as e:
    print(type(e).__name__, e)
x = None
print("x is None", x is None, x is not None)
t1 = ()
t2 = ()
e = ""
print("empty tuple identity", t1 is t2, tuple() is t1, e is str(), tuple([]) is t1)
