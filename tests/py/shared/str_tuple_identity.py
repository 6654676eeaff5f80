# Shared one-character Latin-1 strings, the empty string, the empty tuple and bytes singletons.
# Only values computed at run time are compared: whether a one-character *literal* is the
# shared object depends on what CPython interned at start-up, so literals are avoided.
def same(label, a, b):
    print(label, a == b, a is b)
word = "abc"
latin = "héllo"
cjk = "日本"
seven = 7
same("chr(65) pair", chr(65), chr(65))
same("chr(255) pair", chr(255), chr(255))
same("chr(256) pair", chr(256), chr(256))
same("chr(300) pair", chr(300), chr(300))
same("chr(0) pair", chr(0), chr(0))
same("word[1] vs chr(98)", word[1], chr(98))
same("word[1] vs word[-2]", word[1], word[-2])
same("word[1] vs word[1:2]", word[1], word[1:2])
same("latin[1] vs chr(233)", latin[1], chr(233))
same("cjk[0] pair", cjk[0], cjk[0])
same("word.upper()[0] vs chr(65)", word.upper()[0], chr(65))
same("split piece vs chr(97)", word.split("b")[0], chr(97))
same("join of one char", "".join([word[0]]), word[0])
same("for-loop chars", [c for c in word][2], chr(99))
same("str(seven) pair (new objects)", str(seven), str(seven))
same("repr(seven) pair", repr(seven), repr(seven))
same("word[:2] + 'c' at run time", word[:2] + "c", word[:2] + "c")
same("empty slice vs ''", word[5:], "")
same("str() vs ''", str(), "")
same("''.join([]) vs ''", "".join([]), "")
same("strip to empty vs ''", word.strip("abc"), "")
same("word * 0 vs ''", word * 0, "")
same("tuple() vs ()", tuple(), ())
same("tuple([]) vs ()", tuple([]), ())
same("()[:] vs ()", ()[:], ())
same("(1, 2)[5:] vs ()", (1, 2)[5:], ())
same("tuple(x for x in []) vs ()", tuple(x for x in []), ())
same("list() vs list()", list(), list())
same("[] vs []", [], [])
same("{} vs {}", {}, {})
same("bytes() vs b''", bytes(), b"")
same("b'abc'[0:1] vs bytes([97])", b"abc"[0:1], bytes([97]))
same("bytes([200]) pair", bytes([200]), bytes([200]))
same("b'xyz'[:2] pair", b"xyz"[:2], b"xyz"[:2])
same("None pair", None, type(None)())
same("bool(1) vs True", bool(1), True)
same("1 == 1 vs True", seven == seven, True)
same("not 1 vs False", not seven, False)
same("... vs Ellipsis", ..., Ellipsis)
t1 = (1, 2)
t2 = (1, 2)
print("equal tuple literals in a module:", t1 is t2)
n = int("1")
t3 = (n, 2)
t4 = (n, 2)
print("tuples built at run time:", t3 is t4, t3 == t4)
s1 = "hello world"
s2 = "hello world"
print("equal str literals in a module:", s1 is s2)
s3 = "hello " + word
s4 = "hello " + word
print("strs built at run time:", s3 is s4, s3 == s4)
