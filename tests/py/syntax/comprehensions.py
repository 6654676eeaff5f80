# List, set, dict comprehensions and generator expressions.
print("list", [x * x for x in range(6)])
print("filter", [x for x in range(20) if x % 3 == 0])
print("two ifs", [x for x in range(30) if x % 2 if x % 3])
print("nested for", [(a, b) for a in range(3) for b in range(a)])
print("nested comp", [[i * j for j in range(4)] for i in range(3)])
print("flatten", [y for row in [[1, 2], [3], [], [4, 5]] for y in row])
print("cond expr", ["even" if n % 2 == 0 else "odd" for n in range(4)])
print("set", sorted({x % 4 for x in range(20)}))
print("dict", {k: k * k for k in range(5)})
print("dict from pairs", {v: k for k, v in {"a": 1, "b": 2}.items()})
print("genexp sum", sum(x for x in range(101)))
print("genexp list", list(c.upper() for c in "abc"))
g = (n for n in range(3))
print("genexp type", type(g).__name__)
print("next", next(g), next(g), next(g), next(g, "done"))
print("unpack in for", [a + b for a, b in [(1, 2), (3, 4)]])
print("starred target", [rest for first, *rest in [(1, 2, 3), (4, 5)]])
print("string iteration", [c for c in "hey" if c != "e"])
print("walrus inside", [y for x in range(5) if (y := x * 2) > 4])
print("empty", [x for x in []], {x for x in []}, {x: x for x in []})
print("dict comp with condition", {k: v for k, v in zip("abcd", range(4)) if v % 2})
print("dict comp key collisions", {x % 3: x for x in range(10)})
print("nested genexp", sum(sum(x for x in range(i)) for i in range(5)))
print("any/all with genexp", any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print("sorted genexp", sorted((x * 7) % 10 for x in range(10)))
print("tuple(genexp)", tuple(x for x in "ab"))
print("matrix transpose", [[row[i] for row in [[1, 2, 3], [4, 5, 6]]] for i in range(3)])
print("comp over range with step", [x for x in range(10, 0, -3)])

# genexp is lazy
log = []
def noisy(x):
    log.append(x)
    return x
ge = (noisy(x) for x in range(3))
print("before consuming", log)
print("first", next(ge))
print("after one", log)
print("rest", list(ge))
print("after all", log)

# outermost iterable is evaluated immediately
def bad():
    raise ValueError("evaluated early")
try:
    ge2 = (x for x in bad())
except ValueError as e:
    print("genexp outer iterable:", e)
