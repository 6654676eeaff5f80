# Uncaught error three calls deep: multi-frame traceback.
def level3(x):
    raise ValueError("bad value: %r" % (x,))

def level2(x):
    level3(x * 2)

def level1(x):
    print("in level1")
    level2(x + 1)

print("start")
level1(20)
print("never printed")
