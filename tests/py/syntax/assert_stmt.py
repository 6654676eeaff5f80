# assert with and without message.
assert True
assert 1 == 1, "not shown"
print("passing asserts ok")

try:
    assert False
except AssertionError as e:
    print("bare:", type(e).__name__, repr(str(e)), e.args)

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("with message:", type(e).__name__, e, e.args)

try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("non-string message:", e.args[0])

def check(n):
    assert n > 0, f"n must be positive, got {n}"
    return n * 2
for v in [3, -1]:
    try:
        print("check", check(v))
    except AssertionError as e:
        print("AssertionError", e)

# message is evaluated only when the assertion fails
calls = []
def msg():
    calls.append(1)
    return "msg"
assert True, msg()
print("message evaluated on success:", len(calls))
try:
    assert 0, msg()
except AssertionError as e:
    print("message evaluated on failure:", len(calls), e)

# parenthesized tuple is always true (warning in CPython, but truthy)
x = 0
assert x == 0 or x, "ok"
print("done")
