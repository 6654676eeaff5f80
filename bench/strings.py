# String building, splitting, joining, searching and formatting.
def make_lines(n):
    lines = []
    for i in range(n):
        parts = []
        for j in range(8):
            parts.append("w%d_%d" % ((i * 7 + j * 13) % 97, j))
        lines.append(" ".join(parts))
    return lines

def process(lines):
    total_len = 0
    upper_count = 0
    found = 0
    out = []
    for line in lines:
        words = line.split()
        total_len += len(line)
        rebuilt = ",".join(w.upper() for w in words if w.startswith("w1"))
        upper_count += rebuilt.count("W")
        if "w42_" in line:
            found += 1
        out.append(f"{len(words):02d}:{rebuilt[:20]}|")
    text = "\n".join(out)
    return total_len, upper_count, found, len(text), text.count("|"), text[-30:]

acc = ""
for i in range(40000):
    acc += str(i % 10)
lines = make_lines(30000)
print("strings", process(lines), len(acc), acc[-10:], acc.replace("9", "").count("0"))
