# encode/decode, translate/maketrans, misc methods.
print("abc".encode(), "abc".encode("ascii"), "abc".encode("utf-8"), type("x".encode()).__name__)
print(b"abc".decode("ascii"), bytes("é", "utf-8"), str(b"\xc3\xa9", "utf-8"), str(b"x", encoding="ascii"))
print("hello".translate(str.maketrans("el", "ip")), "hello".translate({ord("l"): None}), "abc".translate({97: "AA"}))
print(str.maketrans({"a": "1"}), sorted(str.maketrans("ab", "xy").items()), str.maketrans("", "", "z"))
print("a-b_c d".replace("-", " ").replace("_", " ").split())
print("Hello".center(11, "=").upper().lower().title())
print("x=1;y=2".split(";")[1].partition("=")[2])
print("tEsT".swapcase().swapcase(), "AbC".casefold(), "  spaced out  ".strip().split(" "))
words = "the rain in spain stays mainly in the plain".split()
print(sorted(set(words)), len(words), max(words, key=len), sorted(words, key=lambda w: (len(w), w)))
print("".join(c for c in "a1b2c3" if c.isdigit()), "".join(sorted("hello")), "-".join(reversed("abc")))
print("abc".isascii(), "é".isascii(), "".isascii(), "a b".isidentifier(), "_a1".isidentifier())
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(repr(str(b"abc")), str(b"abc", "ascii"))
