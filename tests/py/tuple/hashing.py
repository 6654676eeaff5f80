# Hashing of tuples of ints (stable values) and use as dict keys.
print(hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)), hash((-1,)), hash((0, 0)))
print(hash(((1, 2), (3, 4))), hash((1.0, 2.0)) == hash((1, 2)), hash((True,)) == hash((1,)))
print(hash((2 ** 61, 5)), hash((10 ** 20,)), hash((-2, -1)))
d = {}
for i in range(5):
    for j in range(3):
        d[(i, j)] = i * j
print(len(d), d[(4, 2)], (3, 1) in d, (5, 0) in d)
grid = {(x, y): "#" if (x + y) % 2 else "." for x in range(4) for y in range(4)}
for y in range(4):
    print("".join(grid[(x, y)] for x in range(4)))
print(sorted({(1, 2), (1, 2), (0, 5)}), len({(1,), (1,)}))
