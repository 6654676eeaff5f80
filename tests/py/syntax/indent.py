# Indentation: blocks, nesting, mixed depths, line continuation, semicolons.
x = 1
if x:
    print("one level")
    if x == 1:
            print("deeper, 12 spaces")
            if True:
             print("odd width, 13 spaces")
    print("back to 4")
print("module level")

def f(a):
  # two-space indentation is legal
  if a:
        return "yes"
  else:
   return "no"
print("f(1)", f(1))
print("f(0)", f(0))

# tabs as indentation (a single tab consistently)
if True:
	print("tab indented")
	if True:
		print("two tabs")

# compound statements on one line
if x: print("inline if")
while x < 3: x += 1
print("x after inline while", x)
for i in range(3): print("inline for", i)
def g(): return 42
print("g()", g())
class C: pass
print("C is a class", isinstance(C, type))

# semicolons
a = 1; b = 2; c = a + b; print("semicolons", a, b, c)
if a: a = 10; b = 20; print("suite on one line", a, b)

# explicit line continuation
total = 1 + \
        2 + \
    3
print("backslash continuation", total)

# implicit continuation in brackets
values = [
    1,
        2,
  3,
]
print("list across lines", values)
d = {'a': 1,
     'b': 2}
print("dict across lines", d)
result = max(
    4,
    9,
    2)
print("call across lines", result)
s = ("abc"
     "def")
print("string across lines", s)

# comments and blank lines inside blocks
def h():
    # comment

    y = 5
        # oddly indented comment is fine

    return y
print("h()", h())

# pass and ellipsis as bodies
def empty():
    pass
def dots():
    ...
print("empty()", empty(), "dots()", dots())

# deeply nested
def nest(n):
    if n > 0:
        for i in range(1):
            while True:
                try:
                    if n % 2:
                        return "odd"
                    else:
                        return "even"
                finally:
                    pass
    return "zero"
print("nest", nest(3), nest(4), nest(0))
