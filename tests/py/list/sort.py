# sort and sorted: key, reverse, stability, mixed types, errors.
nums = [5, 3, 8, 1, 9, 2, 7]
print(sorted(nums), sorted(nums, reverse=True), nums)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
records = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
# stability: equal keys keep original order, also with reverse=True
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (1, "e")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
s = pairs[:]
s.sort(key=lambda p: p[0])
s.sort(key=lambda p: p[1] in "ce")
print(s)
print(sorted([3, 1.5, 2, True, -1]), sorted([[2, 1], [1, 2], [1]]), sorted(((1, "b"), (1, "a"))))
print(sorted("hello"), sorted({3: "a", 1: "b"}), sorted({5, 2, 9}), sorted(range(5, 0, -1)), sorted([]))
print(sorted([-3, 2, -1, 4], key=abs), sorted(["aa", "b", "ccc"], key=len), sorted([1, 2, 3], key=lambda x: 0))
big = [(i * 7919) % 1000 for i in range(200)]
print(sorted(big)[:10], sorted(big)[-5:], sorted(big) == sorted(big, reverse=True)[::-1])
try:
    sorted([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, None, 1].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return "V(%d)" % self.v
print(sorted([V(3), V(1), V(2)]), min(V(5), V(4)), max([V(1), V(9), V(3)]))
lst = [4, 2, 3]
lst.sort(reverse=True)
print(lst)
