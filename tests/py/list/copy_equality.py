# List copies (slice, list(), copy()), equality vs identity, nested comparisons.
orig = [1, [2, 3], "s"]
copies = [orig[:], list(orig), orig.copy(), [*orig], [x for x in orig]]
for c in copies:
    print(c == orig, c is orig, c[1] is orig[1])
orig[1].append(4)
print(copies[0])
print([1, 2] == [1, 2.0], [1, [2]] == [1, [2]], [[]] == [[]], [] == (), [1] != [1])
print([1, 2, 3] < [1, 2, 3, 0], [1, 3] > [1, 2, 100], [[1, 2], [1]] < [[1, 2], [2]])
print(list(range(3)) == [0, 1, 2], list("ab") == ["a", "b"], [None] * 2 == [None, None])
deep = [[1, [2, [3]]]]
print(deep == [[1, [2, [3]]]], deep == [[1, [2, [4]]]])
print(sorted([[3], [1, 2], [1], []]))
a = [1, 2, 3]
b = a
a = a + [4]
print(a, b)
a = b
a += [5]
print(a, b, a is b)
