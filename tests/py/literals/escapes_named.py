# \N{...} named escapes (optional feature: needs the Unicode name database).
print("\N{LATIN SMALL LETTER E WITH ACUTE}", "\N{GREEK SMALL LETTER ALPHA}", repr("\N{DEGREE SIGN}"))
print(ord("\N{BULLET}"), len("\N{SNAKE}"), "\N{SNAKE}" == "\U0001F40D")
print(ord("\N{SPACE}"), ord("\N{LATIN CAPITAL LETTER A}"), "\N{EM DASH}" == "\u2014")
print(f"\N{BULLET} item", rb"\N{BULLET}")
