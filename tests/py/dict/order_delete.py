# Insertion order survives deletes and re-inserts; popitem is LIFO; many keys.
d = {}
for k in "hello world":
    d[k] = d.get(k, 0) + 1
print(d, list(d))
del d["l"]
d["l"] = "back"
print(list(d))
while len(d) > 3:
    print("popitem", d.popitem())
print(d)
big = {i: str(i) for i in range(100)}
for i in range(0, 100, 3):
    del big[i]
for i in range(0, 10):
    big[i] = "new"
print(len(big), list(big)[:12], list(big)[-12:])
keys = list(big)
print(keys == sorted(keys), keys.index(0), keys.index(98))
e = dict.fromkeys("abc", 0)
e.pop("b")
e["b"] = 1
e.update(a=5)
print(e, list(e.items()))
f = {}
f[3] = "c"; f[1] = "a"; f[2] = "b"
print(f, sorted(f), dict(sorted(f.items())), list(reversed(f)))
