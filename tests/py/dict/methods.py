# Every dict method.
d = {"a": 1, "b": 2, "c": 3}
print("get", d.get("a"), d.get("z"), d.get("z", "default"), d.get("a", 99))
print("setdefault existing", d.setdefault("a", 100), d)
print("setdefault new", d.setdefault("d", 4), d)
print("setdefault None", d.setdefault("e"), d)
print("pop", d.pop("e"), d)
print("pop default", d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
print("popitem", d.popitem(), d)
print("popitem", d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
d.update({"x": 10, "a": -1})
print("update dict", d)
d.update([("y", 20)], z=30)
print("update pairs+kw", d)
d.update(b=99)
print("update kw", d)
c = d.copy()
c["new"] = 0
print("copy", d, c, c is d)
print("keys", d.keys(), list(d.keys()))
print("values", d.values(), list(d.values()))
print("items", d.items(), list(d.items()))
print("fromkeys", dict.fromkeys(["p", "q"], []), dict.fromkeys(range(3)))
c.clear()
print("clear", c, len(c))
print("len", len(d), "contains", "x" in d, "in keys", "x" in d.keys(), "in values", 10 in d.values(), "in items", ("x", 10) in d.items())
try:
    d.update([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.update([("a",)])
except ValueError as e:
    print(type(e).__name__, e)
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print("merge |", merged)
m = {"a": 1}
m |= {"z": 26}
m |= [("y", 25)]
print("merge |=", m)
try:
    {"a": 1} | [("b", 2)]
except TypeError as e:
    print(type(e).__name__, e)
print("reversed", list(reversed({"a": 1, "b": 2, "c": 3})), list(reversed({"a": 1}.items())))
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print("counts", counts)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print("groups", groups)
