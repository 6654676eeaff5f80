# Dict creation, access, insertion order, deletion, membership.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], "a" in d, "z" in d, "z" not in d, 1 in d)
d["b"] = 20
print("update keeps position", d)
del d["b"]
d["b"] = 200
print("re-insert goes last", d)
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}), dict({"k": 1}, k=2, j=3))
print(dict(zip("abc", range(3))), dict(zip(["one", "two"], [1, 2])), dict.fromkeys("ab"), dict.fromkeys([1, 2], 0))
print({1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?"})
print({1: "a", True: "b", 1.0: "c"})
e = {}
e[0] = "zero"; e[-1] = "neg"; e[10 ** 20] = "big"; e[""] = "empty str"; e[()] = "empty tuple"
print(e, e[10 ** 20], e[()])
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e, repr(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print(type(e).__name__, e)
try:
    {1: 2}[[1]]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 1.0}, {} == {})
try:
    {"a": 1} < {"b": 2}
except TypeError as e:
    print(type(e).__name__, e)
big = {}
for i in range(1000):
    big[i] = i * i
print(len(big), big[999], sum(big.values()), list(big)[:5], list(big)[-3:])
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], 998 in big, 999 in big)
print(repr({"quote's": 'dq"'}), str({1: [2, {3: 4}]}), {(): {}})
print(bool({}), bool({0: 0}), len({1: 1, 1: 2}))
