# Bytes literals and basic bytes behaviour.
b = b"hello"
print(b, repr(b), type(b).__name__, len(b))
print(b[0], b[-1], b[1:3], b[::-1], b[::2])
print(list(b"abc"), tuple(b"\x00\xff"))
print(b"" == bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(48, 58)))
print(b"abc" + b"def", b"ab" * 3, b"a" in b"cat", 97 in b"cat", b"x" in b"cat")
print(b"abc" == b"abc", b"abc" < b"abd", b"abc" != "abc", b"" < b"\x00")
print(b"hello".decode(), b"caf\xc3\xa9".decode("utf-8"), "café".encode(), "é".encode("latin-1"))
print(b'single', B"upper", b'''triple''', b"with 'quote'", b'with "dq"', b"both ' \"")
print(repr(b"\t\n\r\x0b\x0c"), repr(b"\x7f"), repr(b"~"), repr(b" "))
print(b"ABC".lower(), b"abc".upper(), b" x ".strip(), b"a,b".split(b","), b"-".join([b"a", b"b"]))
print(b"hello".find(b"l"), b"hello".count(b"l"), b"hello".startswith(b"he"), b"hello".replace(b"l", b"L"))
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(hash(b"") == hash(""), b"" == b"")
print(str(b"x"), str(b"\xe9"))
