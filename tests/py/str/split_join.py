# split, rsplit, join, splitlines, partition, rpartition.
print("a b  c".split(), "  lead and trail  ".split(), "".split(), "   ".split())
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".split(",", 0), ",a,".split(","))
print("a::b::c".split("::"), "abc".split("abc"), "aaa".split("a"), "x".split(","))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "a,b,c".rsplit(",", 1), "a,b,c".rsplit(","))
print("  a  b  ".rsplit(), "1\t2\n3\r4\x0b5\x0c6".split(), "a b".split(" ", -1), "a\u3000b".split())
print("line1\nline2\r\nline3\rline4".splitlines(), "a\n\nb\n".splitlines(), "".splitlines(), "x\n".splitlines(True))
print("one\x0btwo\x0cthree\x1cfour\u2028five".splitlines())
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join("abc"), " ".join([]), "+".join(("1",)))
print("/".join(str(i) for i in range(5)), "".join(map(str, [1, 2, 3])))
print("key=value=more".partition("="), "novalue".partition("="), "=x".partition("="))
print("a.b.c".rpartition("."), "abc".rpartition("."), "a..b".partition(".."))
try:
    "-".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "a".partition("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    ", ".join(["a", None])
except TypeError as e:
    print(type(e).__name__, e)
print("a b c".split(maxsplit=1), "a-b-c".rsplit(sep="-", maxsplit=1))
csv = "name,age\nalice,30\nbob,25"
rows = [line.split(",") for line in csv.splitlines()]
print(rows)
print({k: int(v) for k, v in (r for r in rows[1:])})
