# String literal forms: quotes, triple quotes, raw, concatenation.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mix "double" inside', "mix 'single' inside")
print("""multi
line
string""")
print('''line one
    indented line two''')
print("""embedded "quotes" and 'single' and \"\"\" escaped""")
s = """\
no leading newline\
 and joined"""
print(s)
print(r"raw \n stays", R'raw \t too', r'\\', r"\"")
print(repr(r"C:\new\table"), len(r"\n"))
print(rb"raw bytes \n", Rb'\x00', bR"\d")
print("adjacent" "literals" 'mixed' """kinds""")
print("adjacent " r"raw\n" " normal\t.")
x = ("implicit"
     " concatenation"
     " across lines")
print(x)
print("", '', """""", len(""), repr(''))
print(repr("both ' and \""), repr('only \''), repr("only '"), repr('only "'))
print(repr("tab\there"), repr("newline\nhere"), repr("back\\slash"), repr("\r\x0b\x0c"))
print(repr("\x00\x01\x1f\x7f"), repr("\x80\x9f\xa0\xff"), repr("é ñ ü"))
print(repr("\u2028\u2029\ufeff"), repr("日本"), repr("\U0001F600"))
print(u"u prefix", U"U prefix")
print(type("").__name__, type(b"").__name__)
print("a" * 3, 3 * "ab", "x" * 0, "y" * -1)
print(len("hello"), len("日本語"), len("\U0001F600"), len("a\tb\n"))
print("line1\nline2")
print("col1\tcol2")
