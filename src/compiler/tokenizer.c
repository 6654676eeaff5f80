// smallpy: the tokenizer. One pass over a NUL-terminated, newline-normalised
// UTF-8 buffer; tokens point into the buffer; nothing is allocated. String
// literals (f-strings included, as in 3.11) are single STRING tokens whose
// contents the parser decodes. Counterpart: CPython 3.11 Parser/tokenizer.c.
#define SP_COMPILER_INTERNAL
#include "compiler/tokenizer.h"

#include "core/object.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EOF_ (-1)

static int keyword_slot_ready;  // keyword_slot[] below is filled
static void keyword_init(void);
#define TABSIZE 8
#define ALTTABSIZE 1

// ---------------------------------------------------------------------------
// Reading characters. Line bookkeeping happens when the first character of a
// new line is read (as CPython's underflow), so at the end of the input the
// line number stays on the last line.

static int nextc(SpTokenizer *tok) {
    if (tok->cur >= tok->end) {
        tok->cur = tok->end;
        tok->hit_eof = 1;
        return EOF_;
    }
    if (tok->cur != tok->line_start && tok->cur[-1] == '\n') {
        tok->line_start = tok->cur;
        tok->lineno++;
    }
    return (unsigned char)*tok->cur++;
}

// backup(c): un-read c (EOF un-reads nothing).
static void backup(SpTokenizer *tok, int c) {
    if (c != EOF_) {
        tok->cur--;
    }
}

static int is_id_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_id_char(int c) {
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// ---------------------------------------------------------------------------
// Errors. CPython's tokenizer builds its SyntaxError from the current line:
// the offset counts the characters from the line start to the cursor and the
// text is the line without its newline. We record byte counts; the parser
// converts them to characters when it raises.

static void record_paren_state(SpTokenizer *tok) {
    SpTokError *e = &tok->err;
    e->level = tok->level;
    if (tok->level > 0) {
        e->paren = tok->parenstack[tok->level - 1];
        e->paren_lineno = tok->parenlinenostack[tok->level - 1];
        e->paren_col = tok->parencolstack[tok->level - 1];
    }
}

// syntax_error_range(tok, offset, end_offset, fmt, ...): a hard SyntaxError on
// the current line; offset -1 means "at the cursor", end_offset -1 "same as
// offset". Returns -1 for `return syntax_error(...)`.
static int syntax_error_range(SpTokenizer *tok, int offset, int end_offset, const char *fmt,
                              ...) {
    SpTokError *e = &tok->err;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->kind = SP_TOKERR_SYNTAX;
    e->exc = SP_EXC_SYNTAX;
    if (offset == -1) {
        offset = (int)(tok->cur - tok->line_start);
    }
    if (end_offset == -1) {
        end_offset = offset;
    }
    e->lineno = e->end_lineno = tok->lineno;
    e->offset = offset;
    e->end_offset = end_offset;
    e->text_newline = 0;
    record_paren_state(tok);
    return -1;
}

#define syntax_error(tok, ...) syntax_error_range((tok), -1, -1, __VA_ARGS__)

// soft_error(tok, kind): an error reported only when the parser reaches it;
// locations follow CPython's tokenizer_error() in pegen_errors.c.
static int soft_error(SpTokenizer *tok, SpTokErrKind kind) {
    SpTokError *e = &tok->err;
    e->kind = kind;
    e->exc = SP_EXC_SYNTAX;
    e->lineno = e->end_lineno = tok->lineno;
    e->text_newline = 1;
    e->offset = 1;
    e->end_offset = 0;
    switch (kind) {
    case SP_TOKERR_EOF:
        // Reported at "the current position": the end of the input.
        tok->cur = tok->end;
        snprintf(e->msg, sizeof e->msg, "unexpected EOF while parsing");
        e->offset = (int)(tok->cur - tok->line_start);
        e->end_offset = -1;
        e->at_eof = 1;
        break;
    case SP_TOKERR_DEDENT:
        e->exc = SP_EXC_INDENTATION;
        snprintf(e->msg, sizeof e->msg, "unindent does not match any outer indentation level");
        // The cursor is moved to the end of the line, newline included.
        tok->cur = memchr(tok->cur, '\n', (size_t)(tok->end - tok->cur));
        tok->cur = tok->cur ? tok->cur + 1 : tok->end;
        e->offset = (int)(tok->cur - tok->line_start);
        e->end_offset = -1;
        break;
    case SP_TOKERR_TABSPACE:
        e->exc = SP_EXC_TAB;
        snprintf(e->msg, sizeof e->msg, "inconsistent use of tabs and spaces in indentation");
        break;
    case SP_TOKERR_TOODEEP:
        e->exc = SP_EXC_INDENTATION;
        snprintf(e->msg, sizeof e->msg, "too many levels of indentation");
        break;
    case SP_TOKERR_LINECONT:
        snprintf(e->msg, sizeof e->msg,
                 "unexpected character after line continuation character");
        e->offset = (int)(tok->cur - tok->line_start);
        break;
    default:
        break;
    }
    record_paren_state(tok);
    return -1;
}

// ---------------------------------------------------------------------------
// Set-up.

void sp_tokenizer_init(SpTokenizer *tok, const char *src, size_t len, int mode) {
    if (!keyword_slot_ready) {
        keyword_init();
    }
    memset(tok, 0, sizeof *tok);
    tok->buf = src;
    tok->end = src + len;
    // A UTF-8 byte order mark is skipped; columns count from after it.
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        tok->buf += 3;
    }
    tok->cur = tok->line_start = tok->buf;
    tok->lineno = 1;
    tok->atbol = 1;
    tok->interactive = mode == SP_TOKMODE_SINGLE;
    tok->prompt = mode == SP_TOKMODE_PROMPT;
}

// ---------------------------------------------------------------------------
// Numbers. Each helper reads on from the current character and returns the
// first character after what it accepted, or 0 after recording an error.

// decimal_tail: digits with single underscores between them.
static int decimal_tail(SpTokenizer *tok) {
    int c;
    for (;;) {
        do {
            c = nextc(tok);
        } while (is_digit(c));
        if (c != '_') {
            break;
        }
        c = nextc(tok);
        if (!is_digit(c)) {
            backup(tok, c);
            syntax_error(tok, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

// lookahead(tok, s): do the next characters spell s? (Nothing is consumed.)
static int lookahead(SpTokenizer *tok, const char *s) {
    size_t n = strlen(s);
    return (size_t)(tok->end - tok->cur) >= n && memcmp(tok->cur, s, n) == 0;
}

// end_of_number(tok, c, kind): a number must not run into a name ("1a" is
// "invalid decimal literal"), except before the keywords that can follow a
// number in valid code (`1if x else y`), which CPython only warns about.
static int end_of_number(SpTokenizer *tok, int c, const char *kind) {
    int keyword = 0;
    switch (c) {
    case 'a': keyword = lookahead(tok, "nd"); break;
    case 'e': keyword = lookahead(tok, "lse"); break;
    case 'f': keyword = lookahead(tok, "or"); break;
    case 'o': keyword = lookahead(tok, "r"); break;
    case 'n': keyword = lookahead(tok, "ot"); break;
    case 'i':
        keyword = tok->cur < tok->end &&
                  (tok->cur[0] == 'f' || tok->cur[0] == 'n' || tok->cur[0] == 's');
        break;
    default: break;
    }
    if (keyword) {
        return 1;
    }
    // Only ASCII letters and digits: "2Δ" is a number and a name.
    if (c != EOF_ && c < 128 && is_id_char(c)) {
        backup(tok, c);
        syntax_error(tok, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

// radix_number(tok, kind, max_digit_test): the digits after 0x / 0o / 0b.
// Returns the character after the literal, or 0 on error.
static int radix_digits(SpTokenizer *tok, int radix) {
    const char *kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
    int c = nextc(tok);
    do {
        if (c == '_') {
            c = nextc(tok);
        }
        int ok = radix == 16 ? is_xdigit(c) : radix == 8 ? (c >= '0' && c < '8')
                                                         : (c == '0' || c == '1');
        if (!ok) {
            if (radix != 16 && is_digit(c)) {
                // The bad digit is consumed: the caret goes after it.
                syntax_error(tok, "invalid digit '%c' in %s literal", c, kind);
                return 0;
            }
            backup(tok, c);
            syntax_error(tok, "invalid %s literal", kind);
            return 0;
        }
        do {
            c = nextc(tok);
        } while (radix == 16 ? is_xdigit(c) : radix == 8 ? (c >= '0' && c < '8')
                                                          : (c == '0' || c == '1'));
    } while (c == '_');
    if (radix != 16 && is_digit(c)) {
        syntax_error(tok, "invalid digit '%c' in %s literal", c, kind);
        return 0;
    }
    if (!end_of_number(tok, c, kind)) {
        return 0;
    }
    return c;
}

// number(tok, c, start): a NUMBER token whose first character c (a digit, or
// the '.' of ".5" when dot is set) has been read. Returns 0 or -1.
static int number(SpTokenizer *tok, int c, int dot) {
    const char *start = tok->cur - 1;
    if (dot) {
        goto fraction;
    }
    if (c == '0') {
        c = nextc(tok);
        if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B') {
            int radix = (c | 0x20) == 'x' ? 16 : (c | 0x20) == 'o' ? 8 : 2;
            c = radix_digits(tok, radix);
            if (c == 0) {
                return -1;
            }
            backup(tok, c);
            return 0;
        }
        // "0", "00", "0_0", or the start of a float ("0.5", "0e1", "0j");
        // other digits after leading zeros are an error unless a float follows.
        int nonzero = 0;
        for (;;) {
            if (c == '_') {
                c = nextc(tok);
                if (!is_digit(c)) {
                    backup(tok, c);
                    return syntax_error(tok, "invalid decimal literal");
                }
            }
            if (c != '0') {
                break;
            }
            c = nextc(tok);
        }
        const char *zeros_end = tok->cur;
        if (is_digit(c)) {
            nonzero = 1;
            c = decimal_tail(tok);
            if (c == 0) {
                return -1;
            }
        }
        if (c == '.') {
            c = nextc(tok);
            goto fraction_read;
        }
        if (c == 'e' || c == 'E') {
            goto exponent;
        }
        if (c == 'j' || c == 'J') {
            goto imaginary;
        }
        if (nonzero) {
            backup(tok, c);
            return syntax_error_range(tok, (int)(start + 1 - tok->line_start),
                                      (int)(zeros_end - tok->line_start),
                                      "leading zeros in decimal integer literals are not "
                                      "permitted; use an 0o prefix for octal integers");
        }
        if (!end_of_number(tok, c, "decimal")) {
            return -1;
        }
        backup(tok, c);
        return 0;
    }
    c = decimal_tail(tok);
    if (c == 0) {
        return -1;
    }
    if (c == '.') {
    fraction:
        c = nextc(tok);
    fraction_read:
        if (is_digit(c)) {
            c = decimal_tail(tok);
            if (c == 0) {
                return -1;
            }
        }
    }
    if (c == 'e' || c == 'E') {
        int e;
    exponent:
        e = c;
        c = nextc(tok);
        if (c == '+' || c == '-') {
            c = nextc(tok);
            if (!is_digit(c)) {
                backup(tok, c);
                return syntax_error(tok, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            // "1else": the 'e' starts a keyword, not an exponent.
            backup(tok, c);
            if (!end_of_number(tok, e, "decimal")) {
                return -1;
            }
            backup(tok, e);
            return 0;
        }
        c = decimal_tail(tok);
        if (c == 0) {
            return -1;
        }
    }
    if (c == 'j' || c == 'J') {
    imaginary:
        c = nextc(tok);
        if (!end_of_number(tok, c, "imaginary")) {
            return -1;
        }
    } else if (!end_of_number(tok, c, "decimal")) {
        return -1;
    }
    backup(tok, c);
    return 0;
}

// ---------------------------------------------------------------------------
// Identifiers. ASCII is checked inline; other characters need the Unicode
// identifier tables.

static uint32_t decode_utf8(const char **pp, const char *end) {
    const unsigned char *p = (const unsigned char *)*pp;
    uint32_t c = *p++;
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (n) {
        c &= 0x3F >> n;
        for (int i = 0; i < n && (const char *)p < end; i++) {
            c = (c << 6) | (*p++ & 0x3F);
        }
    }
    *pp = (const char *)p;
    return c;
}

const char *sp_utf8_check(const char *str, size_t n, size_t *pos) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int len;
        unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;  // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            *pos = i;
            return "invalid start byte";
        }
        for (int k = 1; k < len; k++) {
            if (i + (size_t)k >= n) {
                *pos = i;
                return "unexpected end of data";
            }
            unsigned b = s[i + (size_t)k];
            if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) {
                *pos = i;
                return "invalid continuation byte";
            }
        }
        i += (size_t)len;
    }
    return NULL;
}

// Non-printable code points (CPython's str.isprintable() is false), for the
// message's wording. A coarse test is enough here: controls, format and
// separator characters.
static int is_printable(uint32_t c) {
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xAD) {
        return 0;
    }
    if ((c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
        (c >= 0x205F && c <= 0x206F) || c == 0xFEFF || c == 0x3000 || c == 0xA0 ||
        c == 0x1680 || (c >= 0xD800 && c <= 0xDFFF) || (c >= 0xFFF9 && c <= 0xFFFB)) {
        return 0;
    }
    return 1;
}

// check_identifier(tok, start): the name start..cur contains non-ASCII
// bytes: every character must be an identifier character. On failure, the
// cursor is put after the bad character and a SyntaxError recorded.
static int check_identifier(SpTokenizer *tok, const char *start) {
    const char *p = start;
    size_t bad;
    const char *why = sp_utf8_check(start, (size_t)(tok->cur - start), &bad);
    if (why != NULL) {
        tok->cur = start + bad + 1;
        return syntax_error(tok, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                                 "position %d: %s",
                            (unsigned char)start[bad], (int)bad, why);
    }
    int first = 1;
    while (p < tok->cur) {
        const char *cstart = p;
        uint32_t c = decode_utf8(&p, tok->cur);
        int ok = c < 128 ? (first ? is_id_start((int)c) : is_id_char((int)c))
                         : sp_tokenizer_is_xid(c, first);
        if (!ok) {
            tok->cur = p;
            if (is_printable(c)) {
                char buf[8];
                const char *q = cstart;
                size_t n = (size_t)(p - q);
                memcpy(buf, q, n);
                buf[n] = '\0';
                return syntax_error(tok, "invalid character '%s' (U+%04X)", buf, (unsigned)c);
            }
            return syntax_error(tok, "invalid non-printable character U+%04X", (unsigned)c);
        }
        first = 0;
    }
    return 0;
}

// Keyword lookup: a hash of (first letter, last letter, length), without
// collisions among the 35 keywords, picks the one candidate to compare.
static const struct {
    const char *text;
    uint8_t len, id;
} keywords[] = {
#define SP_KW_ROW_(name, text) {text, sizeof(text) - 1, SP_KW_##name},
    SP_KEYWORDS(SP_KW_ROW_)
#undef SP_KW_ROW_
};

#define KW_HASH(first, last, n) \
    (((unsigned)(first) + (unsigned)(last) + (unsigned)(n) * 19u) & 127u)
static uint8_t keyword_slot[128];  // 1 + index into keywords[], 0: none

static void keyword_init(void) {
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        const char *t = keywords[i].text;
        unsigned h = KW_HASH((unsigned char)t[0], (unsigned char)t[keywords[i].len - 1],
                             keywords[i].len);
        SP_ASSERT(keyword_slot[h] == 0, "keyword hash collision");
        keyword_slot[h] = (uint8_t)(i + 1);
    }
    keyword_slot_ready = 1;
}

static int keyword_id(const char *s, size_t n) {
    if (n < 2 || n > 8) {
        return 0;
    }
    unsigned k = keyword_slot[KW_HASH((unsigned char)s[0], (unsigned char)s[n - 1], n)];
    if (k == 0 || keywords[k - 1].len != n || memcmp(keywords[k - 1].text, s, n) != 0) {
        return 0;
    }
    return keywords[k - 1].id;
}

// ---------------------------------------------------------------------------
// Operators.

static int one_char(int c) {
    switch (c) {
    case '(': return SP_TOK_LPAR;
    case ')': return SP_TOK_RPAR;
    case '[': return SP_TOK_LSQB;
    case ']': return SP_TOK_RSQB;
    case ':': return SP_TOK_COLON;
    case ',': return SP_TOK_COMMA;
    case ';': return SP_TOK_SEMI;
    case '+': return SP_TOK_PLUS;
    case '-': return SP_TOK_MINUS;
    case '*': return SP_TOK_STAR;
    case '/': return SP_TOK_SLASH;
    case '|': return SP_TOK_VBAR;
    case '&': return SP_TOK_AMPER;
    case '<': return SP_TOK_LESS;
    case '>': return SP_TOK_GREATER;
    case '=': return SP_TOK_EQUAL;
    case '.': return SP_TOK_DOT;
    case '%': return SP_TOK_PERCENT;
    case '{': return SP_TOK_LBRACE;
    case '}': return SP_TOK_RBRACE;
    case '~': return SP_TOK_TILDE;
    case '^': return SP_TOK_CIRCUMFLEX;
    case '@': return SP_TOK_AT;
    default: return SP_TOK_OP;
    }
}

// two_chars(c1, c2): the two-character operator, or -1. "<>" is CPython's
// NOTEQUAL spelling that only Barry-as-FLUFL mode accepts: a generic OP here.
static int two_chars(int c1, int c2) {
    switch (c1) {
    case '!': return c2 == '=' ? SP_TOK_NOTEQUAL : -1;
    case '%': return c2 == '=' ? SP_TOK_PERCENTEQUAL : -1;
    case '&': return c2 == '=' ? SP_TOK_AMPEREQUAL : -1;
    case '*': return c2 == '*' ? SP_TOK_DOUBLESTAR : c2 == '=' ? SP_TOK_STAREQUAL : -1;
    case '+': return c2 == '=' ? SP_TOK_PLUSEQUAL : -1;
    case '-': return c2 == '=' ? SP_TOK_MINEQUAL : c2 == '>' ? SP_TOK_RARROW : -1;
    case '/': return c2 == '/' ? SP_TOK_DOUBLESLASH : c2 == '=' ? SP_TOK_SLASHEQUAL : -1;
    case ':': return c2 == '=' ? SP_TOK_COLONEQUAL : -1;
    case '<':
        return c2 == '<' ? SP_TOK_LEFTSHIFT : c2 == '=' ? SP_TOK_LESSEQUAL
             : c2 == '>' ? SP_TOK_OP : -1;
    case '=': return c2 == '=' ? SP_TOK_EQEQUAL : -1;
    case '>': return c2 == '=' ? SP_TOK_GREATEREQUAL : c2 == '>' ? SP_TOK_RIGHTSHIFT : -1;
    case '@': return c2 == '=' ? SP_TOK_ATEQUAL : -1;
    case '^': return c2 == '=' ? SP_TOK_CIRCUMFLEXEQUAL : -1;
    case '|': return c2 == '=' ? SP_TOK_VBAREQUAL : -1;
    default: return -1;
    }
}

static int three_chars(int c1, int c2, int c3) {
    if (c3 != '=') {
        return -1;
    }
    if (c1 == '*' && c2 == '*') {
        return SP_TOK_DOUBLESTAREQUAL;
    }
    if (c1 == '/' && c2 == '/') {
        return SP_TOK_DOUBLESLASHEQUAL;
    }
    if (c1 == '<' && c2 == '<') {
        return SP_TOK_LEFTSHIFTEQUAL;
    }
    if (c1 == '>' && c2 == '>') {
        return SP_TOK_RIGHTSHIFTEQUAL;
    }
    return -1;
}

// ---------------------------------------------------------------------------
// The token loop.

// finish(tok, t, type, start, end): fill in *t for a token spanning start..end
// on the current line (start may be on an earlier line for strings: the
// caller then fixes lineno and col_offset).
static int finish(SpTokenizer *tok, SpToken *t, int type, const char *start, const char *end) {
    t->type = (uint8_t)type;
    t->kw = 0;
    t->level = (uint8_t)tok->level;
    t->at_eof = (uint8_t)tok->hit_eof;
    t->lineno = t->end_lineno = tok->lineno;
    t->col_offset = start ? (int)(start - tok->line_start) : -1;
    t->end_col_offset = end ? (int)(end - tok->line_start) : -1;
    t->cur_col = (int)(tok->cur - tok->line_start);
    t->start = start;
    t->end = end;
    if (type != SP_TOK_ENDMARKER) {
        tok->started = 1;
    }
    return type;
}

// string(tok, t, start, quote): the body of a string literal whose prefix
// (if any) and opening quote have been read; start is the token's first
// character. Only the end is found here: a backslash skips the next
// character, so `'\''` and `'\\'` end where they should; escapes are
// decoded by the parser (parser_string.c), and f-strings are one token, as
// in CPython 3.11.
static int string(SpTokenizer *tok, SpToken *t, const char *start, int quote) {
    int first_lineno = tok->lineno;
    const char *first_line_start = tok->line_start;
    int quote_size = 1, end_quote_size = 0;
    int c = nextc(tok);
    if (c == quote) {
        c = nextc(tok);
        if (c == quote) {
            quote_size = 3;
        } else {
            end_quote_size = 1;  // the empty string
        }
    }
    if (c != quote) {
        backup(tok, c);
    }
    while (end_quote_size != quote_size) {
        c = nextc(tok);
        if (c == EOF_ || (quote_size == 1 && c == '\n')) {
            // Reported at the start of the literal, on its first line.
            int detected = tok->lineno;
            int at_eof = c == EOF_;
            tok->cur = start + 1;
            tok->line_start = first_line_start;
            tok->lineno = first_lineno;
            syntax_error(tok,
                         quote_size == 3
                             ? "unterminated triple-quoted string literal (detected at line %d)"
                             : "unterminated string literal (detected at line %d)",
                         detected);
            tok->err.at_eof = at_eof;
            return -1;
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') {
                nextc(tok);
            }
        }
    }
    finish(tok, t, SP_TOK_STRING, start, tok->cur);
    t->lineno = first_lineno;
    t->col_offset = (int)(start - first_line_start);
    return SP_TOK_STRING;
}

// indentation(tok): at the start of a line, measure its indentation and queue
// INDENT/DEDENT tokens. Returns 1 for a blank or comment-only line (ignored),
// 0 otherwise, -1 on error.
//
// Tabs: `col` advances tabs to the next multiple of 8, `altcol` counts them
// as one column. Indentation must compare the same way under both
// readings, else the indentation depends on the tab size: TabError
// "inconsistent use of tabs and spaces in indentation".
static int indentation(SpTokenizer *tok) {
    int col = 0, altcol = 0, cont_line_col = 0, c;
    tok->atbol = 0;
    for (;;) {
        c = nextc(tok);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
        } else if (c == '\014') {
            col = altcol = 0;  // form feed resets the count (for Emacs users)
        } else if (c == '\\') {
            // A backslash in the indentation: the first one decides the
            // level of what follows, which continues on the next line.
            cont_line_col = cont_line_col ? cont_line_col : col;
            c = nextc(tok);
            if (c != '\n') {
                return soft_error(tok, SP_TOKERR_LINECONT);
            }
            c = nextc(tok);
            if (c == EOF_) {
                return soft_error(tok, SP_TOKERR_EOF);
            }
            backup(tok, c);
        } else {
            break;
        }
    }
    backup(tok, c);
    if (c == '#' || c == '\n') {
        // At the REPL a totally empty line ends a block (it is a NEWLINE),
        // and so does a first line with only blanks or a comment.
        if (tok->prompt && ((col == 0 && c == '\n') || tok->lineno == 1)) {
            if (tok->lineno == 1 && !(col == 0 && c == '\n')) {
                col = altcol = 0;
            }
        } else {
            return 1;
        }
    }
    if (tok->level != 0) {
        return 0;
    }
    if (cont_line_col) {
        col = altcol = cont_line_col;
    }
    if (col == tok->indstack[tok->indent]) {
        if (altcol != tok->altindstack[tok->indent]) {
            return soft_error(tok, SP_TOKERR_TABSPACE);
        }
    } else if (col > tok->indstack[tok->indent]) {
        if (tok->indent + 1 >= SP_TOK_MAXINDENT) {
            return soft_error(tok, SP_TOKERR_TOODEEP);
        }
        if (altcol <= tok->altindstack[tok->indent]) {
            return soft_error(tok, SP_TOKERR_TABSPACE);
        }
        tok->pendin++;
        tok->indent++;
        tok->indstack[tok->indent] = col;
        tok->altindstack[tok->indent] = altcol;
    } else {
        while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
            tok->pendin--;
            tok->indent--;
        }
        if (col != tok->indstack[tok->indent]) {
            return soft_error(tok, SP_TOKERR_DEDENT);
        }
        if (altcol != tok->altindstack[tok->indent]) {
            return soft_error(tok, SP_TOKERR_TABSPACE);
        }
    }
    return 0;
}

// sp_tokenizer_get: one token. The order of the tests is CPython's
// tok_get(): indentation at the start of a line, pending INDENT/DEDENTs,
// blanks, comments, end of input, names (and string prefixes), newlines,
// numbers (and '.' / '...'), strings, line continuations, operators.
int sp_tokenizer_get(SpTokenizer *tok, SpToken *t) {
    int c;
    const char *start;

nextline:
    if (tok->prompt && tok->cur >= tok->end && tok->pendin == 0) {
        // The REPL's text ends here: the parser needs another line.
        tok->hit_eof = 1;
        return soft_error(tok, SP_TOKERR_EOF);
    }
    if (tok->atbol && !tok->done) {
        int r = indentation(tok);
        if (r < 0) {
            return -1;
        }
        if (r == 1) {
            // Blank or comment-only line: skip it entirely (comment included).
            while ((c = nextc(tok)) != '\n' && c != EOF_) {
            }
            if (c == '\n') {
                tok->atbol = 1;
                goto nextline;
            }
            backup(tok, c);
        }
    }
    if (tok->pendin != 0) {
        int type = tok->pendin < 0 ? SP_TOK_DEDENT : SP_TOK_INDENT;
        tok->pendin += tok->pendin < 0 ? 1 : -1;
        return finish(tok, t, type, NULL, NULL);
    }

again:
    do {
        c = nextc(tok);
    } while (c == ' ' || c == '\t' || c == '\014');
    start = tok->cur - 1;

    if (c == '#') {
        const char *nl = memchr(tok->cur, '\n', (size_t)(tok->end - tok->cur));
        tok->cur = nl ? nl : tok->end;
        c = nextc(tok);
    }

    if (c == EOF_) {
        if (tok->level > 0 || tok->prompt) {
            return soft_error(tok, SP_TOKERR_EOF);
        }
        // Single (interactive) mode: the end of input first closes the
        // statement with a NEWLINE and the open blocks with DEDENTs, as
        // CPython's parser does for its interactive start rule.
        if (tok->interactive && tok->started) {
            tok->pendin = -tok->indent;
            tok->indent = 0;
            finish(tok, t, SP_TOK_NEWLINE, NULL, NULL);
            tok->started = 0;
            return SP_TOK_NEWLINE;
        }
        tok->done = 1;
        return finish(tok, t, SP_TOK_ENDMARKER, NULL, NULL);
    }

    if (is_id_start(c)) {
        // String prefixes, in any case: u alone, or b / f each alone or with
        // r in either order. A quote right after such a prefix starts a
        // string; anything else makes the letters part of a name.
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0, nonascii = 0;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
                saw_b = 1;
            } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
                saw_u = 1;
            } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
                saw_r = 1;
            } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
                saw_f = 1;
            } else {
                break;
            }
            c = nextc(tok);
            if (c == '"' || c == '\'') {
                return string(tok, t, start, c);
            }
        }
        // The rest of the name, straight from the buffer (names never span
        // lines, so the line bookkeeping of nextc() is not needed).
        backup(tok, c);
        while (tok->cur < tok->end && is_id_char((unsigned char)*tok->cur)) {
            nonascii |= (unsigned char)*tok->cur >= 128;
            tok->cur++;
        }
        if (nonascii && check_identifier(tok, start) < 0) {
            return -1;
        }
        finish(tok, t, SP_TOK_NAME, start, tok->cur);
        t->kw = (uint8_t)keyword_id(start, (size_t)(tok->cur - start));
        return SP_TOK_NAME;
    }

    if (c == '\n') {
        tok->atbol = 1;
        if (tok->level > 0) {
            goto nextline;
        }
        // The NEWLINE token ends at the '\n' (zero width) and starts there
        // too, or at the '#' of a comment before it (as CPython's).
        return finish(tok, t, SP_TOK_NEWLINE, start, tok->cur - 1);
    }

    if (c == '.') {
        c = nextc(tok);
        if (is_digit(c)) {
            backup(tok, c);
            if (number(tok, '.', 1) < 0) {
                return -1;
            }
            return finish(tok, t, SP_TOK_NUMBER, start, tok->cur);
        }
        if (c == '.') {
            c = nextc(tok);
            if (c == '.') {
                return finish(tok, t, SP_TOK_ELLIPSIS, start, tok->cur);
            }
            backup(tok, c);
            c = '.';
            backup(tok, c);
        } else {
            backup(tok, c);
        }
        return finish(tok, t, SP_TOK_DOT, start, tok->cur);
    }

    if (is_digit(c)) {
        if (number(tok, c, 0) < 0) {
            return -1;
        }
        return finish(tok, t, SP_TOK_NUMBER, start, tok->cur);
    }

    if (c == '\'' || c == '"') {
        return string(tok, t, start, c);
    }

    if (c == '\\') {
        c = nextc(tok);
        if (c != '\n') {
            return soft_error(tok, SP_TOKERR_LINECONT);
        }
        c = nextc(tok);
        if (c == EOF_) {
            return soft_error(tok, SP_TOKERR_EOF);
        }
        backup(tok, c);
        goto again;
    }

    {
        int c2 = nextc(tok);
        int type = two_chars(c, c2);
        if (type >= 0) {
            int c3 = nextc(tok);
            int type3 = three_chars(c, c2, c3);
            if (type3 >= 0) {
                type = type3;
            } else {
                backup(tok, c3);
            }
            return finish(tok, t, type, start, tok->cur);
        }
        backup(tok, c2);
    }

    // Brackets: the stack of open ones gives "unmatched ')'", "closing
    // parenthesis ... does not match" and, at the end, "'(' was never closed"
    // (with the line and column of the opening one).
    switch (c) {
    case '(':
    case '[':
    case '{':
        if (tok->level >= SP_TOK_MAXLEVEL) {
            return syntax_error(tok, "too many nested parentheses");
        }
        tok->parenstack[tok->level] = (char)c;
        tok->parenlinenostack[tok->level] = tok->lineno;
        tok->parencolstack[tok->level] = (int)(start - tok->line_start);
        tok->level++;
        break;
    case ')':
    case ']':
    case '}': {
        if (tok->level == 0) {
            return syntax_error(tok, "unmatched '%c'", c);
        }
        tok->level--;
        int open = tok->parenstack[tok->level];
        if (!((open == '(' && c == ')') || (open == '[' && c == ']') ||
              (open == '{' && c == '}'))) {
            if (tok->parenlinenostack[tok->level] != tok->lineno) {
                return syntax_error(tok,
                                    "closing parenthesis '%c' does not match opening "
                                    "parenthesis '%c' on line %d",
                                    c, open, tok->parenlinenostack[tok->level]);
            }
            return syntax_error(tok,
                                "closing parenthesis '%c' does not match opening parenthesis "
                                "'%c'",
                                c, open);
        }
        break;
    }
    default:
        break;
    }

    if (c < 0x20 || c == 0x7F) {
        return syntax_error(tok, "invalid non-printable character U+%04X", (unsigned)c);
    }
    return finish(tok, t, one_char(c), start, tok->cur);
}
