# Every augmented assignment operator, on ints, floats, strings, lists.
x = 10
x += 5; print("+=", x)
x -= 3; print("-=", x)
x *= 4; print("*=", x)
x //= 5; print("//=", x)
x %= 4; print("%=", x)
x **= 3; print("**=", x)
x <<= 2; print("<<=", x)
x >>= 1; print(">>=", x)
x |= 0b101; print("|=", x)
x &= 0b1100; print("&=", x)
x ^= 0b1111; print("^=", x)
x /= 2; print("/=", x)

f = 1.5
f += 1; print("float +=", f)
f *= 2; print("float *=", f)
f //= 2; print("float //=", f)
f **= 2; print("float **=", f)
f %= 2.5; print("float %=", f)

s = "ab"
s += "cd"; print("str +=", s)
s *= 2; print("str *=", s)

# list += extends in place (same object), + makes a new one
lst = [1]
alias = lst
lst += [2, 3]
print("list += in place", lst, alias, lst is alias)
lst = lst + [4]
print("list = lst + [4]", lst, alias, lst is alias)
lst += (5, 6)
print("list += tuple", lst)
lst += "ab"
print("list += str", lst)
lst *= 2
print("list *=", lst)

# tuple += makes a new tuple
t = (1, 2)
t2 = t
t += (3,)
print("tuple +=", t, t2, t is t2)

# augmented assignment to subscripts and attributes
d = {"a": 1}
d["a"] += 10
print("dict item +=", d)
m = [1, 2, 3]
m[1] *= 7
m[-1] -= 1
print("list item ops", m)
class P:
    pass
p = P()
p.n = 1
p.n += 41
print("attr +=", p.n)

# the target expression is evaluated once
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [5]
arr[idx()] += 1
print("evaluated once", arr, calls)

# bool and int mixing
b = True
b += True
print("True += True", b, type(b).__name__)

# set and dict augmented ops
st = {1, 2}
st |= {3}; print("set |=", sorted(st))
st &= {1, 3}; print("set &=", sorted(st))
st -= {1}; print("set -=", sorted(st))
st ^= {3, 4}; print("set ^=", sorted(st))
dd = {"a": 1}
dd |= {"b": 2}
print("dict |=", dd)

# error in augmented assignment
try:
    undefined_name += 1
except NameError as e:
    print(type(e).__name__, e)
try:
    z = "a"
    z += 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    q = None
    q -= 1
except TypeError as e:
    print(type(e).__name__, e)
