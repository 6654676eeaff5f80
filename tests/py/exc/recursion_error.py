# RecursionError details: message, recovery, recursion through methods/dunders.
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, "|", e, "|", isinstance(e, RuntimeError))
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("repr recursion:", type(e).__name__)
class Attr:
    def __getattr__(self, name):
        return self.missing
try:
    Attr().x
except RecursionError as e:
    print("getattr recursion:", type(e).__name__)
def a(n):
    return b(n)
def b(n):
    return a(n)
try:
    a(0)
except RecursionError as e:
    print("mutual recursion:", e)
def deep_ok(n):
    return n if n == 0 else deep_ok(n - 1)
print("depth 900 ok:", deep_ok(900))
count = 0
def count_depth():
    global count
    count += 1
    count_depth()
try:
    count_depth()
except RecursionError:
    print("reached a depth between 900 and 1000:", 900 < count <= 1000)
