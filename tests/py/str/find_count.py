# find, rfind, index, rindex, count, startswith, endswith.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.rfind("cat"), s.find(""), s.rfind(""))
print(s.find("o"), s.find("o", 13), s.find("o", 13, 15), s.rfind("o", 0, 20), s.find("o", -5), s.find("dog", -3))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), "aaaa".count("aa"), s.count("o", 20))
print("".count(""), "abc".count("", 1), "abc".find("", 10), "abc".find("c", -1), "abc".find("a", -100))
try:
    s.index("cat")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("cat")
except ValueError as e:
    print(type(e).__name__, e)
print(s.startswith("the"), s.startswith("quick"), s.startswith("quick", 4), s.startswith(("a", "t")), s.startswith(""))
print(s.endswith("dog"), s.endswith("lazy"), s.endswith("lazy", 0, -4), s.endswith(("cat", "dog")), "".endswith(""))
print("abc".startswith("abc", 0, 2), "abc".startswith("b", 1), "abc".endswith("b", 0, 2), "abc".startswith("", 5))
try:
    s.startswith(["the"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.find(None)
except TypeError as e:
    print(type(e).__name__, e)
print("héllo wörld".find("ö"), "日本語テキスト".find("テ"), "日本語".index("語"), "ababab".rfind("ab"))
