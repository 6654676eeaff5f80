# Nested dicts and lists: building, reading, updating, counting.
inventory = {
    "fruit": {"apple": 3, "pear": 0},
    "veg": {"carrot": 12},
}
inventory["fruit"]["apple"] += 2
inventory.setdefault("grain", {})["rice"] = 7
inventory["veg"].update({"leek": 1})
print(inventory)
print({k: sum(v.values()) for k, v in inventory.items()})
print(sorted((item, n) for section in inventory.values() for item, n in section.items() if n))
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
def count_leaves(t):
    return 1 if not t else sum(count_leaves(v) for v in t.values())
print(count_leaves(tree))
records = [{"name": "x", "tags": ["a", "b"]}, {"name": "y", "tags": []}, {"name": "z", "tags": ["b"]}]
by_tag = {}
for r in records:
    for t in r["tags"]:
        by_tag.setdefault(t, []).append(r["name"])
print(by_tag, [r["name"] for r in records if not r["tags"]])
matrix = {i: {j: i * j for j in range(3)} for i in range(3)}
print(matrix[2][2], matrix)
copy = dict(matrix)
copy[0] = "replaced"
copy[1][1] = "shared inner"
print(matrix[0], matrix[1])
