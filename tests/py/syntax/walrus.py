# Assignment expressions (:=).
if (n := 10) > 5:
    print("n is", n)
data = [1, 2, 3, 4]
while (item := data.pop()) != 2:
    print("popped", item)
print("remaining", data, "item", item)
print("in expression", (y := 3) * y)
print("nested", (a := (b := 2) + 1), a, b)
values = [v for x in range(6) if (v := x * x) % 2 == 0]
print("values", values, "v", v)

def f():
    if (m := 7):
        return m * 2
print("function", f())

# walrus in call arguments
print("arg", max(z := 4, 2), z)
# in while with counter
count = 0
while (count := count + 1) < 4:
    pass
print("count", count)
# walrus in lambda body
fn = lambda: (w := 9) + 1
print("lambda", fn())
# chained conditions
text = "hello world"
if (idx := text.find("world")) != -1 and (word := text[idx:]) == "world":
    print("found", idx, word)
