# Tuple comparison is lexicographic; used as sort keys and dict keys.
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (0, "q")]
print(sorted(pairs), sorted(pairs, reverse=True), min(pairs), max(pairs))
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 3), (1, 3) > (1, 2, 99), () < (1,), (0,) < (0, 0))
print((1, 2) == (1, 2), (1, 2) == [1, 2], (1, (2, 3)) < (1, (2, 4)), ("a", 1) < ("b", 0))
print(sorted([(1, 2.5), (1, 2), (0, 9)]), (1, 2.0) == (1, 2), (float("nan"),) == (float("nan"),))
students = [("ann", 90, 20), ("bob", 85, 22), ("cy", 90, 19), ("di", 85, 21)]
print(sorted(students, key=lambda s: (-s[1], s[2])))
print(sorted(students, key=lambda s: (s[1], s[0]), reverse=True))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print((1, "a") < (2, 1), (1, "a") == (1, 2))
coords = {(0, 0): "origin", (1, 0): "east", (0, 1): "north"}
print(coords[(1, 0)], sorted(coords), (0, 1) in coords, coords.get((5, 5), "none"))
nested = ((3, 2), (1, 4), (3, 1))
print(sorted(nested), sorted(nested, key=lambda t: t[1]), max(nested, key=sum))
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2, 3))), (1, 2, 3)[::-1] == tuple(reversed((1, 2, 3))))
