# Dict comprehensions and common idioms.
print({x: x ** 2 for x in range(6)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
print({i % 3: i for i in range(10)})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({c: "abracadabra".count(c) for c in "abracadabra"})
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
by_len = {}
for w in words:
    by_len.setdefault(len(w), set()).add(w)
print({k: sorted(v) for k, v in sorted(by_len.items())})
inv = {}
for k, v in freq.items():
    inv.setdefault(v, []).append(k)
print(inv)
nested = {"x": {"y": {"z": 1}}}
print(nested["x"]["y"]["z"], nested.get("x", {}).get("q", "none"))
print(dict(sorted({"b": 1, "a": 2, "c": 0}.items())), dict(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1])))
print({**{"a": 1}, "b": 2, **{"a": 3}})
