# Missing block after def.
def f():
return 1
