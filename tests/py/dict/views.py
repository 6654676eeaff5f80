# keys/values/items views: live, iteration, set operations.
d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
d["c"] = 3
print("live", k, v, it)
del d["a"]
print("after del", list(k), list(v), list(it))
print(type(k).__name__, type(v).__name__, type(it).__name__)
for key in d:
    print("iter key", key, d[key])
for key, val in d.items():
    print("iter item", key, val)
for val in d.values():
    print("iter value", val)
print(sorted(d.keys() & {"b", "x"}), sorted(d.keys() | {"z"}), sorted(d.keys() - {"b"}), sorted(d.keys() ^ {"b", "q"}))
print(d.keys() == {"b", "c"}, d.items() == {("b", 2), ("c", 3)}, {"b": 2}.items() <= d.items())
print("c" in k, 3 in v, ("c", 3) in it, ("c", 4) in it)
print(list(zip(d.keys(), d.values())), dict(d.items()), sorted(d.values(), reverse=True))
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    k[0]
except TypeError as e:
    print(type(e).__name__, e)
d2 = {1: "x", 2: "y", 3: "z"}
for key in list(d2):
    if key % 2:
        del d2[key]
print(d2)
print(list({}.keys()), list({}.items()), len({}.values()))
e = {x: x * x for x in range(5)}
print(list(e.items())[1:3], sum(e.values()), max(e, key=e.get), min(e.items(), key=lambda p: -p[1]))
