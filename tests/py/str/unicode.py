# Non-ASCII strings: len, indexing, slicing, repr, ord/chr, encode.
s = "héllo wörld"
print(s, len(s), s[1], s[-4], s[1:5], s[::-1], s.upper(), repr(s))
j = "日本語のテキスト"
print(j, len(j), j[0], j[-1], j[2:4], repr(j), j.find("テ"), j * 2)
e = "😀 emoji 🐍"
print(e, len(e), e[0], e[-1], repr(e[0]), e[2:7], ord(e[0]), hex(ord(e[-1])))
mix = "aé日😀"
print([ord(c) for c in mix], [c for c in mix], len(mix), mix.encode("utf-8"), len(mix.encode()))
print(chr(233), chr(0x65e5), chr(0x1F600), repr(chr(0)), repr(chr(127)), repr(chr(160)), repr(chr(0x2028)))
print("é" == "\xe9", "e\u0301" == "é", len("e\u0301"), "\u00e9" < "\u00ea", "z" < "é" < "日" < "😀")
print(sorted(["b", "á", "a", "日", "Z"]), max("aé日"), min("日é"))
print("ÄÖÜ".lower(), "äöü".upper(), "ÀÉ".swapcase())
print("café".encode(), "café".encode("latin-1"), "café".encode("ascii", "replace"), "café".encode("ascii", "ignore"))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("ascii", "ignore"))
print("日本".encode("utf-16-le") if False else "", "x".join("日本語"), "日本語".split("本"), "  日本  ".strip())
print(str(chr(0x10FFFF).encode()), len(chr(0x10FFFF)))
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord("")
except TypeError as e:
    print(type(e).__name__, e)
print(ascii("é日😀"), ascii("plain"), ascii(["é"]), repr("\x1b[0m"))
print("%s|%5s|%-5s|" % ("é", "日本", "😀"), f"{'é':^5}|{'日':*>4}")
for c in "aé€😀":
    print(repr(c), len(c.encode()), c.encode())
