# range in loops: counting patterns, nested loops, steps, large ranges lazily.
print([i for i in range(0, 30, 7)], [i for i in range(30, 0, -7)])
total = 0
for i in range(1, 11):
    for j in range(i):
        total += j
print("nested total", total)
evens = sum(1 for i in range(10 ** 6) if i % 100000 == 0)
print("lazy large range", evens)
r = range(10 ** 12)
print(r[123456789], len(r) == 10 ** 12, r[-1], (10 ** 12 - 1) in r, r.index(5))
for i in range(3, -1, -1):
    print("countdown", i)
for i in range(2, 20, 5):
    print("step 5:", i, end="; ")
print()
pairs = [(i, j) for i in range(3) for j in range(i + 1, 3)]
print(pairs)
r2 = range(5, 50, 5)
print(r2[2:5], r2[::-2], list(r2[-3:]), r2[1:-1].start, r2[1:-1].stop)
x = range(0)
for _ in x:
    print("never")
print("empty range loop ok", list(range(5, 2)), list(range(-2, 2)))
squares = [n * n for n in range(1, 8)]
print(squares, [squares[i + 1] - squares[i] for i in range(len(squares) - 1)])
acc = []
for i in range(10):
    if i == 7:
        break
    if i % 3 == 0:
        continue
    acc.append(i)
print(acc)
