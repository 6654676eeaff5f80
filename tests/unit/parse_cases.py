#!/usr/bin/env python3.11
# Regenerates tests/unit/parse_cases.txt: snippets for tests/unit/parse_test.c
# with the AST dump (or SyntaxError arguments) CPython 3.11 gives for each.
# Usage: python3.11 tests/unit/parse_cases.py  (from the repository root)
import ast
import os
import sys

EXEC = [
    # --- atoms and literals
    "x", "1", "1.5", "1e10", "1_000_000", "0x1F", "0o17", "0b101", "0", "00", "0_0", "1.", ".5",
    "1e-5", "1E+5", "123456789012345678901234567890", "0xffffffffffffffffffff", "3.14_15",
    "True", "False", "None", "...", "'abc'", '"abc"', "'''a\nb'''", '"""x"""', "''", "r'\\n'",
    "b'abc'", "rb'\\x00'", "Br'a'", "u'x'", "U'x'", "u'x' 'y'", "'a' u'b'", "'a' 'b' 'c'",
    "b'a' b'b'", "'\\n\\t\\\\\\'\\\"'", "'\\x41\\u00e9\\U0001F600'", "'\\101\\0\\777'",
    "'\\d'", "b'\\d\\xff\\101'", "'\\N{BULLET}'", "'a\\\nb'", "'é'", "'日本'",
    "'\\a\\b\\f\\v\\r'", "x = 'a' \\\n  'b'",
    # --- f-strings
    "f'{x}'", "f'a{x}b'", "f'{x!r}'", "f'{x!s:>10}'", "f'{x:{w}.{p}}'", "f'{x=}'",
    "f'{x = }'", "f'{x=!s}'", "f'{x=:>5}'", "f'{{}}'", "f'{{{x}}}'", "f''", "f'{x:}'",
    "f'{\"a\"}'", "f'{x}' 'y' f'{z}'", "'a' f'{x}'", "rf'\\n{x}'", "f'\\n{x}\\t'",
    "f'{a[1]}'", "f'{a:{b}}'", "f'{(lambda: 1)()}'", "f'{x,y}'", "f'{x!r:^{w}}'",
    "f'{3.14:.2f}'", "f'{x} {y} {z}'", "f'''\n{x}\n'''", "f'{d[\"k\"]}'", "f'{x:=10}'",
    "f'{(x:=10)}'", "f'{a if b else c}'", "f'{x:%H:%M}'", "f'\\N{BULLET} {x}'",
    "f'{x!a}'", "F'{x}'", "fR'{x}'",
    # --- operators
    "a + b", "a - b * c", "(a - b) * c", "a ** b ** c", "-a ** b", "-2**2", "~a", "+a",
    "not a", "a and b and c", "a or b and c", "not a or not b", "a < b < c", "a == b != c",
    "a is b", "a is not b", "a in b", "a not in b", "a | b ^ c & d", "a << b >> c",
    "a // b % c @ d / e", "a if b else c", "a if b else c if d else e", "lambda: 0",
    "lambda x: x", "lambda x, y=1, *a, z, **k: 0", "lambda *, a: a", "lambda a, /, b: 0",
    "(x := 5)", "[y := 1, y]", "f(x := 1)", "x[a := 1]", "await x", "a.b.c", "a[1]",
    "a[1:2]", "a[::2]", "a[1:2, 3]", "a[:, None]", "a[...]", "a[1,]", "a[*b]", "a[()]",
    "a[b:c:d]", "a[:]", "a[::]", "f()", "f(a)", "f(a, b)", "f(*a)", "f(**k)",
    "f(a, *b, c=1, **d)", "f(a=1, *b)", "f(x for x in y)", "f(*a, *b, **c, **d)",
    "f(a)(b)(c)", "a.b(c).d[e]", "(a)", "((a))", "(a,)", "()", "(a, b)", "(*a, b)",
    "[]", "[a]", "[a, b,]", "[*a, *b]", "{}", "{a: b}", "{a: b, **c}", "{**a}", "{a}",
    "{a, b}", "{*a, b}", "[x for x in y]", "[x for x in y if x if z]",
    "[x for x in y for z in x]", "{x for x in y}", "{k: v for k, v in d}",
    "(x for x in y)", "[(a, b) for a, b in c]", "[x for x, in y]", "[x for *a, b in c]",
    "(yield)", "(yield x)", "(yield from x)", "x = yield", "x = yield from y",
    "a, b", "a, *b", "*a, b = c", "1 if 2 else 3", "x.y[z]", "a @ b",
    "a < b > c <= d >= e == f != g", "not not a", "--a", "a ** -b", "(a or b) and c",
    "[a, b for c in d]" if False else "[i for i in range(10)]",
    # --- statements
    "x = 1", "x = y = z", "x, y = 1, 2", "[x, y] = z", "(x, y) = z", "x.y = 1",
    "x[0] = 1", "x[a:b] = c", "*a, b = c", "a, *b, c = d", "x += 1", "x -= 1", "x *= 1",
    "x /= 1", "x //= 1", "x %= 1", "x **= 1", "x >>= 1", "x <<= 1", "x &= 1", "x |= 1",
    "x ^= 1", "x @= 1", "x.y += 1", "x[0] += 1", "x: int", "x: int = 1", "x.y: int",
    "(x): int = 1", "x[0]: int = 1", "x: list[int] = []", "x = *a, *b", "x = a, b",
    "del x", "del x, y", "del x[0], y.z", "del (x, y)", "del [x, y]", "del (x)", "del x,",
    "pass", "break", "continue", "return", "return x", "return x, y", "return *a, b",
    "raise", "raise x", "raise x from y", "assert x", "assert x, 'msg'", "global x",
    "global x, y", "nonlocal x", "import a", "import a.b.c", "import a as b",
    "import a.b as c, d", "from a import b", "from a import b as c, d",
    "from a import (b, c,)", "from . import a", "from .. import a", "from ... import a",
    "from .... import a", "from .a import b", "from ...a.b import c", "from a import *",
    "x = 1; y = 2", "x = 1;", "if x: pass", "if x:\n  pass\nelse:\n  pass",
    "if x:\n  a\nelif y:\n  b\nelif z:\n  c\nelse:\n  d", "while x:\n  pass",
    "while x:\n  pass\nelse:\n  pass", "for x in y:\n  pass", "for x, y in z:\n  pass",
    "for x in y:\n  pass\nelse:\n  pass", "for (a, b) in c: pass", "for [a, b] in c: pass",
    "for x.y in z: pass", "for x[0] in z: pass", "for *a, b in c: pass", "for x in *a, *b: pass",
    "for x in a, b: pass", "with a: pass", "with a as b: pass", "with a as b, c as d: pass",
    "with (a, b): pass", "with (a as b, c as d): pass", "with (a as b, c as d,): pass",
    "with (a): pass", "with (a) as b: pass", "with (a, b) as c: pass", "with a as (b, c): pass",
    "with (yield): pass", "with a, b: pass",
    "try:\n  a\nexcept:\n  b", "try:\n  a\nexcept E:\n  b", "try:\n  a\nexcept E as e:\n  b",
    "try:\n  a\nexcept (A, B) as e:\n  b\nexcept C:\n  c\nelse:\n  d\nfinally:\n  e",
    "try:\n  a\nfinally:\n  b", "try: a\nexcept: b",
    "def f(): pass", "def f(a): pass", "def f(a, b=1): pass", "def f(*args): pass",
    "def f(**kw): pass", "def f(a, /, b, *, c, d=1, **e): pass", "def f(a, /): pass",
    "def f(a=1, /, b=2): pass", "def f(*, a): pass", "def f(a: int) -> str: pass",
    "def f(*a: int, **k: str): pass", "def f(a, b, /, c, d=1, *e, f, g=2, **h): pass",
    "def f(a,): pass", "def f(*a,): pass", "def f(**k,): pass", "def f(a=1, *, b): pass",
    "@d\ndef f(): pass", "@d1\n@d2(x)\ndef f(): pass", "@a.b\nclass C: pass",
    "@(yield)\ndef f(): pass", "@x[0]\ndef f(): pass",
    "class C: pass", "class C(): pass", "class C(B): pass", "class C(A, B, metaclass=M): pass",
    "class C(*a, **k): pass", "def f():\n  '''doc'''\n  return 1",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    return g",
    "if a:\n    if b:\n        c\n    d\ne", "x = [\n  1,\n  2,\n]", "x = (1 +\n     2)",
    "x = 1 \\\n  + 2", "# comment\nx = 1  # trailing\n", "\n\n\nx = 1\n\n\n",
    "if x:\n    # comment\n    pass\n", "if x:\n\n    pass\n", "x = 1\r\ny = 2\r\n",
    "x = 1\ry = 2", "\ufeffx = 1", "if x:\n\tpass", "if x:\n        pass\n    # c\n",
    "match = 3", "match(x)", "match.x = 1", "case = 1", "_ = 1", "print(match)",
    "type = 1", "x = match", "match[x]", "match, b = 1, 2",
    "é = 1", "αβγ = 2", "x = a if b else c", "x = lambda: (yield)",
    "def f():\n  yield\n  yield x\n  yield from y\n  x = yield", "x = [*a]",
    "a[b, c:d, *e]", "x = not a", "print(*a, sep='')", "a = b = c = d", "x = (\n)",
    "if (a and\n    b):\n  pass", "x = {\n 'a': 1,\n 'b': 2\n}",
    "for x in range(10):\n    if x % 2:\n        continue\n    break\nelse:\n    pass",
    "x = 1if y else 2", "x = [0x1for x in y]", "x = 1or 2", "x = 0b1and 2",
    "x = 1 if 1else 2", "f(a)[b].c = d", "a.b.c.d = 1", "while 1: pass",
    "x = (yield)", "async_ = 1", "awaitx = 1",
]

EXEC_ERRORS = [
    "x = 1 2", "a b c", "(a b)", "[a b]", "{a b}", "f(a b)", "print 'hi'", "print x",
    "exec 'x'", "x = 1 if y", "1 = x", "f() = 1", "x + 1 = 2", "(a, 1) = 2", "[a, b()] = c",
    "x = 1 = 2", "del f()", "del 1", "del (a, 1)", "del *a", "f(x=1, 2)", "f(**a, *b)",
    "f(**k, x)", "f(x for x in y, 1)", "f(1, x for x in y)", "f(a=1 for x in y)",
    "f(a.b=1)", "f(True=1)", "f(x, *)", "if x\n  pass", "while x\n  pass",
    "for x in y\n  pass", "class A\n  pass", "def f()\n  pass", "def f:\n  pass",
    "with a\n  pass", "try\n  pass", "try:\n  pass\nexcept\n  pass",
    "try:\n  pass\nexcept E, F:\n  pass", "if x:\npass", "while x:\npass", "for x in y:\npass",
    "def f():\npass", "class A:\npass", "with a:\npass", "try:\npass", "if x:\n  pass\nelse:\npass",
    "if x:\n  pass\nelif y:\npass", "try:\n  pass\nexcept:\npass", "try:\n  pass\nfinally:\npass",
    "try:\n  pass\n", "try:\n  pass\nx = 1", "  x = 1", "if x:\n  a\n b", "if x:\n\ta\n        b",
    "if x:\n        a\n\tb", "x = (1,", "x = (1,\ny = 2", "foo(1 2", "x = 1\\ 2", "x = 1 \\",
    "x = '''abc\n\n", "x = 'abc", "x = 1a", "x = 0777", "x = 1_", "x = 1__0", "x = 0x",
    "x = 0b12", "x = 1e", "x = 0o8", "x = 0o", "x = 0b", "x = 1.e", "x = 1e+", "x = 09.5j",
    "x = )", "x = (]", "x = $", "x = ?", "x = !", "x = `", "x = 1 <> 2", "x = \n",
    "def f(:\n  pass", "x = 5 ; 6 7", "x = 'a' b'b'", "x = b'a' 'b'", "f'{x'", "f'{x!z}'",
    "f'{}'", "f'}'", "f'{'", "f'{x!}'", "f'{x!r'", "f'{a:{b:{c}}}'", "f'{a)}'",
    "f'{a\\n}'", "f'{a#}'", "f'{!r}'", "f'{=}'", "f'{a b}'", "f'{a +}'",
    "x = 1\nx = f'abc {a b} def'", "f'''{\na b}'''", "f'{*a}'", "f'{lambda x: 1}'",
    "'\\xz'", "b'\\xz'", "'\\u12'", "'\\U99999999'", "'\\N{foo}'", "b'é'", "'a' f'{b' 'c'",
    "x = 1 +", "(1 +", "x = [1, 2", "\n\n   foo(\n\n", "x = 1\n\n\ndef f():\n  return 1\n y = 2",
    "x = 0_7", "x = 09", "x = 1 if 2 else", "é = 1 2", "x = 'ab\\\ncd", "\tx=1\n  \ty=1",
    "if x:\n  pass\n else:", "x = (1 +\n   2) = 3", "x = (1 +\n   2) 3",
    "def f():\n  '''doc\n  more''' 3", "x = 1 +\\\n 2 3", "@dec", "@dec\n\n# c\n", "else:\n  pass",
    "x = [1, 2)", "x = {1: 2", "f(a, b", "x = [i for i in]", "[*a for a in b]",
    "{**a for a in b}", "[a, b for a in c]", "{a, b for a in c}", "[a, for a in c]",
    "(*a)", "(**a)", "{a: *b}", "{a:}", "{a: b, c}", "{a, b: c}", "{1: 2, 3}",
    "def f(a=1, b): pass", "def f(a, a): pass", "def f(/): pass", "def f(a, /, /): pass",
    "def f(*, a, /): pass", "def f(a=1/, b): pass", "def f(a, *): pass", "def f(*): pass",
    "def f(*, **k): pass", "def f(*a=1): pass", "def f(**k=1): pass", "def f(**k, a): pass",
    "def f(**k, *a): pass", "def f(*a, *b): pass", "def f(a=): pass", "def f((a, b)): pass",
    "lambda a=1, b: 0", "lambda *: 0", "lambda (a): 0", "lambda *a=1: 0", "lambda **k, a: 0",
    "x := 1", "(x.y := 1)", "(x[0] := 1)", "(1 := 2)", "if x = 1: pass", "if x.y = 1: pass",
    "if f() = 1: pass", "while x = 1: pass", "[x = 1]", "x: int, y: int = 1", "(x, y): int",
    "[x, y]: int", "x + 1: int", "x, y += 1", "f() += 1", "[a, b] += 1", "for 1 in x: pass",
    "for f() in x: pass", "for x + 1 in y: pass", "for (a, 1) in b: pass", "[x for 1 in y]",
    "with a as 1: pass", "with a as f(): pass", "with (a as 1): pass", "import a.", "import",
    "from x import", "from x import a,", "from x import (a", "from import a", "del", "assert",
    "return =", "global", "global 1", "nonlocal", "x = yield = 1", "yield = 1", "a = yield x = 1",
    "lambda: (yield) = 1", "True = 1", "None = 1", "... = 1", "x.True = 1", "f(None=1)",
    "def True(): pass", "class None: pass", "import True", "x = 1 +* 2", "x ==== 1",
    "if x:\n  pass\n  else:\n  pass", "for x in range(10):\n  pass\nelse\n  pass",
    "x = [1,\n 2,\n 3", "def f(\n  a,\n  b", "print(f'{x')", "'''abc", "\"abc",
    "x = \"abc'", "x = 'abc\" ", "a.1", "a.if", "1.__class__", "x = 1__", "x = 0b_", "x = 0x_1g",
    "x = 1_e5", "x = 1e_5", "x = 1.2.3", "x = 1..2", "x = 0o7_", "if True:\n  x = 1\n    y = 2",
    "async def f(): pass", "async with a: pass", "match x:\n  case 1: pass", "try:\n  a\nexcept* E:\n  b",
    "x = 1j", "x = 1.5J", "[x async for x in y]", "x = 1 if y else", "not", "a not b",
    "a is not not b", "x = *a", "print(*)", "print(**)", "a[:, *b]", "f(*)", "x = (*a,)",
    "*a = 1", "del a,,", "a,, = 1", "x = {**}", "x = [**a]", "f(x=)", "class A(x=): pass",
    "class A(**): pass", "@\ndef f(): pass", "@x\nx = 1", "def f() -> : pass",
    "f(a for a in b for)", "x = a if b else", "x = lambda x=: 1", "assert x,", "raise x from",
    "import a as", "from . import", "from a import b as", "x = [a for a in b if]",
    "x = {a: b for a in}", "x = (a for)", "(a, b) += 1", "a if b else c = 1",
    "a and b = 1", "-a = 1", "a < b = 1", "{a} = 1", "{a: b} = 1", "f'{a}' = 1", "'a' = 1",
    "lambda: 1 = 1", "[a for a in b] = 1", "(a for a in b) = 1", "await x = 1", "a.b() = 1",
    "x = # c", "if x # c\n  pass", "x = (1,  # c", "x = 1 # c\ny = 2 3  # d", "a b c (d e)",
    "a (d e)", "f(a b c (d e))", "x = x or ", "C()=FORMAT-", "2\u0394", "x = 1 if 2 else # c",
    "def f(p, *, (k1, k2), **kw): pass", "with a as b\n  pass", "with (a as b)\n  pass",
    "dict(x=34, (x for x in range 10), 1); x $ y", "lambda a=1,/*,b,c: None",
    "def foo(a=1,/,**b,/,c): pass", "match x\n  case 1: pass", "match x x:\n  pass",
    "f'\\{6*7}'", "'\\N{}'", "'\\N{abc'", "'\\N'", "f'\\N{GREEK CAPITAL LETTER DELTA'",
    "func(\n    a=[\"unclosed], # c: \"\n    b=2,\n)",
] + ["print >>sys.stderr, 'x'",
    "print 1, 2",
    "exec code in ns",
    "print -1",
    "print",
    "print()",
    "x = print 1",
    "if print 1: pass",
    "def f(x):\n  return x x",
    "class A:\n  x = 1\n   y = 2",
    "for i in range(10) print(i)",
    "while True print(1)",
    "x = [1, 2, 3",
    "d = {'a': 1, 'b' 2}",
    "d = {'a' 1}",
    "s = 'abc",
    "x = 5 +* 3",
    "import a.b as",
    "from . import (a, b",
    "def f(a, b, c=1, d): pass",
    "f(a=1, a=2)",
    "f(**a, b)",
    "x = y = ",
    "x += ",
    "del x + 1",
    "del (x, y + 1)",
    "del [x, f()]",
    "assert(x, 'msg')",
    "raise X, 'msg'",
    "lambda x: yield",
    "x = 1 if True",
    "x = [i for i in range(3) if]",
    "try:\n  pass\nelse:\n  pass",
    "if x:\n  pass\nelif:\n  pass",
    "else: pass",
    "elif x: pass",
    "except: pass",
    "finally: pass",
    "return x y",
    "x = (1 2 3)",
    "x = [1 2]",
    "f(1 2)",
    "{1 2}",
    "x = 'a' 'b' 1",
    "x = 1 'a'",
    "x = a.b.c d",
    "x = f(a)(b c)",
    "a = 1; b = 2 3",
    "x = not",
    "x = ~",
    "x = 1 +- ",
    "def f():\n\treturn 1\n        return 2",
    "x = 0o19",
    "x = 0xg",
    "x = 1.2e",
    "x = 1.2e+",
    "x = .",
    "x = ..",
    "x = 1..real",
    "x = 1_000_",
    "x = 'abc\\\n",
    "def f(*args, **kwargs, x): pass",
    "def f(x, *, **k): pass",
    "class A(x for x in y): pass",
    "f(x for x in y)(z for z in w)",
    "a, b += 1",
    "(a) += 1",
    "[a] = 1",
    "a[1:2] += 3",
    "x = {**a, 'b': 1, **c}",
    "nonlocal x",
    "global x\nglobal x",
    "x = `a`",
    "x = 1\n\\\ny = 2",
    "x = (\n  1,\n  2\n]",
    "def f(a, (b, c)): pass",
    "def (): pass",
    "class (A): pass",
    "import 1",
    "from 1 import a",
    "with open('f') as f, open('g') as g: pass",
    "with (open('f') as f, open('g') as g): pass",
    "x = yield from",
    "x = await",
    "@",
    "@x\n",
    "@x\nclass",
    "def f() -> int:\n",
    "if True:\n  pass\n    x = 1",
    "  # comment\nx = 1",
    "\\\n  x = 1",
    "x = 1\n  # comment\ny = 2",
    "if x:\n  # only comment\n",
    "if x:\n    a\n  # c\n    b\n",
    "x = 1 # comment \\",
    "x = \\ 1",
    "{1: 2, 'b' 2: 3}",
    "{1: 2, ('b' 2)}",
    "{**a, 'b' 2}",
    "{1: 2, b c: d}",
    "[1, 'b' 2]",
    "{1: 'b' 2}",
    "{'b' 2}"]

EXEC_ERRORS += ["x = {1: 2, 'b' 2}",
    "f({1: 2, 'b' 2})",
    "{1: 2, 'b' 2}",
    "{1: 2, b 2}",
    "{1: 2, -b 2}",
    "{1: 2, b.c 2}",
    "{1: 2, 'b' 2, 3: 4}",
    "{1: 2, 3: 'b' 2}",
    "{1: 2, 3 if 4}",
    "{1: 2, print 3}"]

EVAL = ["1 + 2", "x", "a, b", "(yield)", "lambda: 1", "x\n", "\n", "1 +", "x = 1",
        "a if b else c", "[*a]", "f(x)\n\n"]
EVAL_ERRORS = []
SINGLE = ["x = 1", "1 + 2", "if x:\n  pass\n", "if x:\n  pass\n\n", "def f():\n  pass\n",
          "x = 1; y = 2", "\n", "print(1)\nprint(2)", "x = 1  # c", "if x: pass\n# c\n",
          "a +", "x =", "import", "lambda:", "(", "x = (1,", "while x", "1 +\n"]

ATTRS = [
    "x = 1", "a + b * c", "(a) + (b)", "f(a, b=c, *d, **e)", "x.y.z", "x[1:2, ::3]",
    "def f(a, b: int = 1, *c, d, **e) -> None:\n    return a", "class C(B, metaclass=M):\n  x = 1",
    "if x:\n  pass\nelif y:\n  pass\nelse:\n  pass", "try:\n  a\nexcept E as e:\n  b\nfinally:\n  c",
    "import a.b as c, d", "from ..a import (b as c, d)", "from x import *",
    "with a as b, c: pass", "with (a as b, c): pass", "for x, y in z:\n  pass",
    "[x for x in y if z]", "{k: v for k, v in d}", "f(x for x in y)", "(x for x in y)",
    "lambda x, *y: x", "a if b else c", "not a and b or c", "a < b <= c", "x = 1, 2,",
    "'a' 'b'", "'''a\nb''' 'c'", "f'{x}'", "f'a{x!r:>{w}}b'", "f'''ab\n  {a+b} {c:{d}}'''",
    "x = f'{a=!r:>10}' f'{ a = }'", "x = (\n  1,\n)", "@dec\ndef f(): pass",
    "@dec\nclass C: pass", "del a, b[0]", "global x, y", "assert x, y", "raise E from e",
    "x: int = 1", "x += 1", "(x := 1)", "await x", "yield x", "x = yield from y",
    "a[b][c](d)", "é = 'ü' + x", "x = 'é' f'{é}'", "{}", "{**a, b: c}", "[*a, b]",
    "-x ** 2", "~a", "a.b(c)[d].e", "print((yield))", "f((a), (b))", "x = (((1)))",
    "if x:\n  a = 1\n  b = 2\n", "while x:\n  break\nelse:\n  continue",
    "def f():\n  return\n", "x = [\n  a,\n  b\n]", "x = a \\\n  + b",
]


# Known, intended differences (not tested here): unsupported constructs
# (complex literals, async, match, except*) raise "... not supported yet";
# a str source starting with U+FEFF (we always treat a leading BOM as a
# file's byte order mark); CPython's error text for string input spanning
# several physical lines (backslash continuations, triple-quoted strings) or
# lacking the newline of an earlier line: we show the error's own line with
# its newline, as CPython does when it reads a file.
SKIP = {
    "x = 1j", "x = 1.5J", "x = 09.5j", "[x async for x in y]", "async def f(): pass",
    "async with a: pass", "match x:\n  case 1: pass", "try:\n  a\nexcept* E:\n  b",
    "\ufeffx = 1", "x = (1 +\n   2) = 3", "def f():\n  '\'\'doc\n  more'\'\' 3",
    "x = 1 +\\\n 2 3",
}


def dump_case(src, mode):
    try:
        tree = ast.parse(src, "<f>", mode=mode)
        return ast.dump(tree)
    except SyntaxError as e:
        return "%s: %r" % (type(e).__name__, e.args)


CORPUS_FILES = [
    "test_syntax.py", "test_exceptions.py", "test_grammar.py", "test_positional_only_arg.py",
    "test_keywordonlyarg.py", "test_unpack_ex.py", "test_genexps.py", "test_eof.py",
    "test_string_literals.py", "test_named_expressions.py", "test_fstring.py", "test_unpack.py",
    "test_setcomps.py", "test_listcomps.py", "test_dictcomps.py", "test_tokenize.py",
    "test_ast.py", "test_compile.py", "test_global.py", "test_unicode_identifiers.py",
    "test_utf8source.py", "test_opcodes.py", "test_funcattrs.py",
]


def corpus(testdir):
    import doctest
    out = set()
    for name in CORPUS_FILES:
        path = os.path.join(testdir, name)
        if not os.path.exists(path):
            continue
        tree = ast.parse(open(path).read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if 0 < len(node.value) < 400 and "\0" not in node.value:
                    out.add(node.value)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)):
                d = ast.get_docstring(node, clean=False)
                if d and ">>>" in d:
                    try:
                        for ex in doctest.DocTestParser().get_examples(d):
                            out.add(ex.source)
                    except ValueError:
                        pass
    good = []
    for src in sorted(out):
        try:
            ast.parse(src, "<f>", mode="exec")
        except SyntaxError:
            pass
        except Exception:
            continue
        good.append(src)
    return good


def main():
    out = []

    def add(src, mode, attrs):
        if src in SKIP:
            return
        try:
            tree = ast.parse(src, "<f>", mode=mode)
            exp = ast.dump(tree, include_attributes=attrs)
        except SyntaxError as e:
            exp = "%s: %r" % (type(e).__name__, e.args)
        data = src.encode("utf-8")
        expb = exp.encode("utf-8")
        out.append(b"@case %s %d %d\n" % (mode.encode(), attrs, len(data)) + data + b"\n")
        out.append(b"@expect %d\n" % len(expb) + expb + b"\n")

    for s in EXEC + EXEC_ERRORS:
        add(s, "exec", 0)
    for s in EVAL + EVAL_ERRORS:
        add(s, "eval", 0)
    for s in SINGLE:
        add(s, "single", 0)
    for s in ATTRS:
        add(s, "exec", 1)
    # Positions of every valid module snippet too.
    for s in EXEC:
        add(s, "exec", 1)
    # Corpus: the code snippets (string constants and doctests) of CPython's
    # own syntax tests, in the installed python3.11's test package. Cases
    # that differ only in unsupported features or string-input error text
    # are listed in parse_corpus_skip.json.
    import json
    import os
    skip = set(json.load(open("tests/unit/parse_corpus_skip.json")))
    testdir = os.path.join(os.path.dirname(ast.__file__), "test")
    for src in corpus(testdir):
        if src not in skip and "\x0c\r\n" not in src:
            add(src, "exec", 0)
    with open("tests/unit/parse_cases.txt", "wb") as f:
        f.write(b"".join(out))
    print(len(out) // 2, "cases")


if __name__ == "__main__":
    main()
