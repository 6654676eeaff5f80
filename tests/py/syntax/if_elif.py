# if / elif / else, truthiness of many values.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))

values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, None, True, False, range(0), range(1), set(), {0}]
for v in values:
    if v:
        print(repr(v), "is truthy")
    else:
        print(repr(v), "is falsy")

# if without else
x = 5
if x > 3:
    print("x > 3")
if x > 10:
    print("not printed")
print("after ifs")

# nested if/else chains
def sign_parity(n):
    if n >= 0:
        if n % 2 == 0:
            return "non-negative even"
        else:
            return "non-negative odd"
    else:
        if n % 2 == 0:
            return "negative even"
        return "negative odd"

for n in [4, 7, -2, -3]:
    print(n, sign_parity(n))

# elif chain with side effects: only the first true branch runs
trace = []
def t(name, val):
    trace.append(name)
    return val
if t("a", False):
    pass
elif t("b", True):
    trace.append("B-body")
elif t("c", True):
    trace.append("C-body")
else:
    trace.append("else")
print("trace", trace)

# conditions with and/or/not
a, b = 3, 0
if a and not b:
    print("a and not b")
if a or b:
    print("a or b")
if not (a and b):
    print("not (a and b)")
