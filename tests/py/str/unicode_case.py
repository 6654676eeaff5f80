# Case mapping and character classes beyond Latin-1 (needs full Unicode tables).
for w in ["ǅungla", "straße", "ﬁne", "ΣΑΣ ΟΔΟΣ", "İstanbul", "ǆ"]:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold(), len(w.upper()))
for x in ["١٢٣", "½", "²", "Ⅻ", "日本", "ß", "ǅ", "\u2003", "\u200b"]:
    print(repr(x), x.isdigit(), x.isalpha(), x.isspace(), x.isalnum(), x.isupper(), x.islower(), x.istitle(),
          x.isdecimal(), x.isnumeric(), x.isprintable())
print(int("١٢٣"), int("１２"), float("１.５"))
