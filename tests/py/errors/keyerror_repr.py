# Uncaught KeyError shows the repr of the key.
d = {"present": 1}
print(d["present"])
def lookup(key):
    return d[key]

lookup("absent key")
