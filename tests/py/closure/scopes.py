# LEGB name resolution: local, enclosing, global, builtin; class scopes.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer())
def local_shadows():
    x = "local"
    return x
print(local_shadows(), x)
def uses_builtin():
    return len("abc")
print(uses_builtin())
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
len_backup = len
len = lambda s: -1
print(len("abc"), uses_builtin())
del len
print(len("abc"))
def three_levels():
    a = 1
    def l2():
        b = 2
        def l3():
            c = 3
            return a + b + c
        return l3()
    return l2()
print(three_levels())
class K:
    attr = "class attr"
    def method(self):
        try:
            return attr
        except NameError as e:
            return "NameError: " + str(e)
    def method2(self):
        return self.attr + " via self", K.attr
print(K().method(), K().method2())
y = 1
class Scope:
    y = 2
    z = y + 10
    def get(self):
        return y
print(Scope.z, Scope().get())
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = "local now"
    return x
print(unbound())
def free_var_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 5
    return inner()
print(free_var_unbound())
def param_shadow(x):
    return x
print(param_shadow("param"))
