# Word counting on generated text: dict get/set, list append, sorting.
def gen_words(n, seed=12345):
    syllables = ["ka", "lo", "mi", "nu", "ra", "te", "so", "vi", "de", "pu"]
    x = seed
    words = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        k = 1 + (x >> 16) % 3
        w = ""
        y = x
        for _ in range(k):
            w += syllables[y % 10]
            y //= 10
        words.append(w)
    return words

words = gen_words(200000)
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
by_len = {}
for w, c in counts.items():
    by_len.setdefault(len(w), []).append((c, w))
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
bigrams = {}
for a, b in zip(words, words[1:]):
    key = (a, b)
    bigrams[key] = bigrams.get(key, 0) + 1
print("words", len(words), "distinct", len(counts), "bigrams", len(bigrams))
print("top", top)
print("by_len", sorted((k, len(v), max(v)) for k, v in by_len.items()))
