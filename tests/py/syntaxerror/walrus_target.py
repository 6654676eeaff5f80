# Walrus with an attribute target.
class C: pass
if (C.x := 5):
    pass
