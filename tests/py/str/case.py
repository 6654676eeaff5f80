# Case methods and character class predicates.
words = ["hello", "HELLO", "Hello World", "hELLO wORLD", "123abc", "abc123", "", " ", "ÉCOLE", "àb", "it's o'neil"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
samples = ["abc", "ABC", "Abc", "abc1", "123", "12.3", "", " ", " \t\n", "a b", "Title Case", "Ünïcode", "_", "A1B2", "a_b"]
for x in samples:
    print(repr(x), x.isdigit(), x.isalpha(), x.isspace(), x.isalnum(), x.isupper(), x.islower(), x.istitle(),
          x.isdecimal(), x.isnumeric(), x.isidentifier(), x.isprintable(), x.isascii())
print("hello world".title(), "they're bill's friends".title(), "HELLO".capitalize(), "élan".capitalize())
