# KeyError with a tuple key and an empty-string key.
def get(d, k):
    return d[k]

try:
    get({}, "")
except KeyError as e:
    print("caught:", e)
get({}, (1, "two"))
