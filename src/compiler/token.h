// smallpy: token kinds of the tokenizer (tokenizer.c) and keyword ids.
// Enum-only header: it pulls in no object model. Counterpart: CPython 3.11
// Grammar/Tokens and Include/token.h (same token set; keywords are told
// apart here already, so the parser compares integers, not strings).
#ifndef SP_COMPILER_TOKEN_H
#define SP_COMPILER_TOKEN_H

// X(NAME, "text"): every token kind, with the text used in messages.
#define SP_TOKENS(X)                          \
    X(ENDMARKER, "end of file")               \
    X(NAME, "name")                           \
    X(NUMBER, "number")                       \
    X(STRING, "string")                       \
    X(NEWLINE, "newline")                     \
    X(INDENT, "indent")                       \
    X(DEDENT, "dedent")                       \
    X(LPAR, "(")                              \
    X(RPAR, ")")                              \
    X(LSQB, "[")                              \
    X(RSQB, "]")                              \
    X(COLON, ":")                             \
    X(COMMA, ",")                             \
    X(SEMI, ";")                              \
    X(PLUS, "+")                              \
    X(MINUS, "-")                             \
    X(STAR, "*")                              \
    X(SLASH, "/")                             \
    X(VBAR, "|")                              \
    X(AMPER, "&")                             \
    X(LESS, "<")                              \
    X(GREATER, ">")                           \
    X(EQUAL, "=")                             \
    X(DOT, ".")                               \
    X(PERCENT, "%")                           \
    X(LBRACE, "{")                            \
    X(RBRACE, "}")                            \
    X(EQEQUAL, "==")                          \
    X(NOTEQUAL, "!=")                         \
    X(LESSEQUAL, "<=")                        \
    X(GREATEREQUAL, ">=")                     \
    X(TILDE, "~")                             \
    X(CIRCUMFLEX, "^")                        \
    X(LEFTSHIFT, "<<")                        \
    X(RIGHTSHIFT, ">>")                       \
    X(DOUBLESTAR, "**")                       \
    X(PLUSEQUAL, "+=")                        \
    X(MINEQUAL, "-=")                         \
    X(STAREQUAL, "*=")                        \
    X(SLASHEQUAL, "/=")                       \
    X(PERCENTEQUAL, "%=")                     \
    X(AMPEREQUAL, "&=")                       \
    X(VBAREQUAL, "|=")                        \
    X(CIRCUMFLEXEQUAL, "^=")                  \
    X(LEFTSHIFTEQUAL, "<<=")                  \
    X(RIGHTSHIFTEQUAL, ">>=")                 \
    X(DOUBLESTAREQUAL, "**=")                 \
    X(DOUBLESLASH, "//")                      \
    X(DOUBLESLASHEQUAL, "//=")                \
    X(AT, "@")                                \
    X(ATEQUAL, "@=")                          \
    X(RARROW, "->")                           \
    X(ELLIPSIS, "...")                        \
    X(COLONEQUAL, ":=")                       \
    /* Any other character CPython passes to the parser as a generic OP    \
       ('$', '?', '!', '`', "<>"): no grammar rule accepts it. */          \
    X(OP, "op")

typedef enum {
#define SP_TOK_ENUM_(name, text) SP_TOK_##name,
    SP_TOKENS(SP_TOK_ENUM_)
#undef SP_TOK_ENUM_
    SP_TOK_COUNT_
} SpTokenKind;

// Keywords: a NAME token whose text is a keyword carries its id in
// SpToken.kw (0 for ordinary names). Soft keywords (match, case, _) are not
// here: they stay plain names.
#define SP_KEYWORDS(X)                                                                  \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and") X(AS, "as")         \
    X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") X(BREAK, "break")           \
    X(CLASS, "class") X(CONTINUE, "continue") X(DEF, "def") X(DEL, "del")               \
    X(ELIF, "elif") X(ELSE, "else") X(EXCEPT, "except") X(FINALLY, "finally")           \
    X(FOR, "for") X(FROM, "from") X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import")   \
    X(IN, "in") X(IS, "is") X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal") X(NOT, "not")   \
    X(OR, "or") X(PASS, "pass") X(RAISE, "raise") X(RETURN, "return") X(TRY, "try")     \
    X(WHILE, "while") X(WITH, "with") X(YIELD, "yield")

typedef enum {
    SP_KW_NONE_ = 0,
#define SP_KW_ENUM_(name, text) SP_KW_##name,
    SP_KEYWORDS(SP_KW_ENUM_)
#undef SP_KW_ENUM_
    SP_KW_COUNT_
} SpKeywordId;

#endif  // SP_COMPILER_TOKEN_H
