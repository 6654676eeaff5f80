# strip family, replace, removeprefix/suffix, expandtabs.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("abchiabc".strip("cba")), repr("hello".strip("")), repr("".strip()))
print(repr("www.example.com".lstrip("w.")), repr("file.txt.bak".rstrip(".bak")), repr("  x".lstrip(None)))
print(repr("\u3000wide space\u3000".strip()), repr("\x1c\x1dx\x1e\x1f".strip()), repr("\xa0nbsp\xa0".strip()))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "aaa".replace("a", "b", 0), "abc".replace("", "-"))
print("hello".replace("l", ""), "hello".replace("xyz", "q"), "".replace("", "x"), "abab".replace("ab", "ba"))
print("aaaa".replace("aa", "b"), "a.b.c".replace(".", "..", -1), "mississippi".replace("ss", "SS", 1))
print("prefix-body".removeprefix("prefix-"), "body".removeprefix("x"), "file.py".removesuffix(".py"), "a".removesuffix(""))
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\tc".expandtabs(2)))
try:
    "abc".strip(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".replace(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
