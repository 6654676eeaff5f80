# Lists with comprehensions, builtins, slicing idioms.
evens = [n for n in range(20) if n % 2 == 0]
print(evens, evens[::3], evens[-3:], len(evens))
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[1] for row in matrix], [matrix[i][i] for i in range(3)])
print([list(col) for col in zip(*matrix)])
flat = [x for row in matrix for x in row]
print(flat, sum(flat), max(flat), flat.index(5))
print(list(map(str, flat)), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(enumerate("abc", 1)), list(zip([1, 2, 3], "ab")))
chunks = [flat[i:i + 4] for i in range(0, len(flat), 4)]
print(chunks)
rotated = flat[3:] + flat[:3]
print(rotated)
dedup = []
for v in [3, 1, 3, 2, 1, 4]:
    if v not in dedup:
        dedup.append(v)
print(dedup)
print([i * j for i, j in zip(range(5), range(5, 10))])
acc = []
for i in range(3):
    acc += [i] * i
print(acc)
print([[y for y in range(x)] for x in range(4)])
print(sorted([c for c in "mississippi"], reverse=True), "".join(sorted(set("mississippi"))))
