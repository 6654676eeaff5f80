# Indexing, slicing, concatenation, repetition, comparison, membership.
s = "Hello, World"
print(s[0], s[4], s[-1], s[-5], s[len(s) - 1])
print(s[0:5], s[7:], s[:-7], s[::2], s[::-1], s[-5:-1], s[3:3] == "")
print(s + "!", "ab" + "cd" + "", s * 0 == "", "-" * 10, 2 * "xy")
print(len(s), len(""), len(" "), len("\n\t"))
print("ell" in s, "hello" in s, "" in s, "World" not in s, "o, W" in s)
print("abc" < "abd", "abc" < "ab", "B" < "a", "a" < "aa", "abc" == "abc", "abc" != "ABC", "10" < "9")
print(max("hello"), min("hello"), sorted("banana"), list("abc"), tuple("xy"))
print("a,b".split(","), str(123), str(1.5), str(None), str([1, "a"]), str(("t",)))
print(repr("it's"), repr('say "x"'), repr("both ' \""), repr("\\"), repr("\n"))
for ch in "héllo":
    print(ch, ord(ch), end=" | ")
print()
try:
    s[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[0] = "h"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".undefined_method()
except AttributeError as e:
    print(type(e).__name__, e)
t = s
t += "?"
print(s, t, s is t)
print("".join(reversed("stressed")), "racecar" == "racecar"[::-1])
print(str(), str("x"), str(b"b"), str(object) if False else "", type(str(5)).__name__)
print(hash("abc") == hash("ab" + "c"), "abc".__len__(), "abc".__contains__("b"), "ab".__add__("c"))
print("x".__eq__(1), "b".__lt__("a"), "abc".__getitem__(1))
