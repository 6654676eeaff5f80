// smallpy: literals: numbers, string and bytes literals with their escapes,
// adjacent-literal concatenation, and 3.11 f-strings (one STRING token whose
// replacement fields are parsed here, each expression by a nested parser).
// Counterpart: CPython 3.11 Parser/string_parser.c, Parser/pegen.c
// (parsenumber), Objects/unicodeobject.c (unicode-escape decoding).
#define SP_COMPILER_INTERNAL
#include "compiler/parser_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

// ===========================================================================
// Numbers

SpExpr *sp_p_number(Parser *p) {
    int start = p->pos;
    SpToken *t = cur_tok(p);
    size_t n = (size_t)(t->end - t->start);
    char small[64];
    char *buf = n < sizeof small ? small : sp_arena_alloc(p->arena, n + 1);
    if (buf == NULL) {
        p->error = 1;
        return NULL;
    }
    // Underscores are only separators (the tokenizer checked their places).
    size_t len = 0;
    int is_float = 0, hex = n > 1 && t->start[0] == '0' && (t->start[1] | 0x20) == 'x';
    for (size_t i = 0; i < n; i++) {
        char c = t->start[i];
        if (c != '_') {
            buf[len++] = c;
            if (!hex && (c == '.' || c == 'e' || c == 'E')) {
                is_float = 1;
            }
        }
    }
    buf[len] = '\0';
    if (buf[len - 1] == 'j' || buf[len - 1] == 'J') {
        return sp_p_raise_tok(p, t, "complex literals are not supported yet");
    }
    SpObject *value;
    if (is_float) {
        value = sp_float_from_double(strtod(buf, NULL));
    } else if (len <= 18 && buf[0] != '0') {
        long v = 0;
        for (size_t i = 0; i < len; i++) {
            v = v * 10 + (buf[i] - '0');
        }
        value = sp_int_from_long(v);
    } else if (len == 1) {
        value = sp_int_from_long(0);
    } else {
        value = sp_int_from_string(buf, (ssize_t)len, 0);
    }
    if (value == NULL || sp_arena_add_object(p->arena, value) < 0) {
        p->error = 1;
        return NULL;
    }
    p->pos++;
    SpExpr *e = sp_p_expr(p, SP_EXPR_CONSTANT, start);
    if (e != NULL) {
        e->v.Constant.value = value;
    }
    return e;
}

// ===========================================================================
// Escapes

static int hexval(int c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Code point names for \N{...}: a table of common characters (unicode_names.c).
int sp_unicode_lookup_name(const char *name, size_t len, uint32_t *cp);

// A decode error: CPython turns the codec's exception into
// "(unicode error) 'unicodeescape' codec can't decode bytes in position
// S-E: reason", reported at the furthest token.
static void decode_error(Parser *p, int start, int end, const char *reason, unsigned char byte) {
    if (end - start <= 1) {
        sp_p_raise(p, SP_EXC_SYNTAX,
                   "(unicode error) 'unicodeescape' codec can't decode byte 0x%02x in position "
                   "%d: %s",
                   byte, start, reason);
    } else {
        sp_p_raise(p, SP_EXC_SYNTAX,
                   "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
                   start, end - 1, reason);
    }
}

// decode_utf8_char(&s, end): the code point at s (valid UTF-8 assumed).
static uint32_t decode_utf8_char(const char **ps, const char *end) {
    const unsigned char *s = (const unsigned char *)*ps;
    uint32_t c = *s++;
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (n) {
        c &= 0x3Fu >> n;
        while (n-- > 0 && (const char *)s < end) {
            c = (c << 6) | (*s++ & 0x3Fu);
        }
    }
    *ps = (const char *)s;
    return c;
}

// decode_str(p, w, s, len, raw): append the str literal text s[0..len) to
// the writer, decoding escapes unless raw. 0 or -1 (p->error set).
//
// Error positions count as CPython's decoder sees the text: it first
// rewrites each non-ASCII character as a 10-byte \UXXXXXXXX escape (and a
// backslash before one as \u005c), so we keep a "virtual" position.
static int decode_str(Parser *p, SpStrWriter *w, const char *s, size_t len, int raw) {
    const char *end = s + len;
    int vpos = 0;
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x80) {
            uint32_t cp = decode_utf8_char(&s, end);
            if (sp_str_writer_write_char(w, cp) < 0) {
                goto nomem;
            }
            vpos += 10;
            continue;
        }
        if (c != '\\' || raw) {
            // Copy a run of plain ASCII at once.
            const char *run = s;
            while (s < end && (unsigned char)*s < 0x80 && (*s != '\\' || raw)) {
                s++;
            }
            if (sp_str_writer_write_ascii(w, run, s - run) < 0) {
                goto nomem;
            }
            vpos += (int)(s - run);
            continue;
        }
        int estart = vpos;
        s++;
        vpos++;
        if (s >= end) {
            // A lone backslash ending the text (f'\\{x}' splits there): kept.
            if (sp_str_writer_write_char(w, '\\') < 0) {
                goto nomem;
            }
            break;
        }
        c = (unsigned char)*s;
        if (c >= 0x80) {
            // An invalid escape of a non-ASCII character: kept as is.
            if (sp_str_writer_write_char(w, '\\') < 0) {
                goto nomem;
            }
            vpos += 5;
            continue;
        }
        s++;
        vpos++;
        uint32_t ch;
        switch (c) {
        case '\n': continue;
        case '\\': ch = '\\'; break;
        case '\'': ch = '\''; break;
        case '"': ch = '"'; break;
        case 'a': ch = 7; break;
        case 'b': ch = 8; break;
        case 'f': ch = 12; break;
        case 'n': ch = 10; break;
        case 'r': ch = 13; break;
        case 't': ch = 9; break;
        case 'v': ch = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            ch = c - '0';
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++) {
                ch = ch * 8 + (uint32_t)(*s++ - '0');
                vpos++;
            }
            break;
        case 'x':
        case 'u':
        case 'U': {
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            ch = 0;
            for (int i = 0; i < digits; i++) {
                int v = s < end ? hexval((unsigned char)*s) : -1;
                if (v < 0) {
                    decode_error(p, estart, vpos,
                                 c == 'x' ? "truncated \\xXX escape"
                                 : c == 'u' ? "truncated \\uXXXX escape"
                                            : "truncated \\UXXXXXXXX escape",
                                 '\\');
                    return -1;
                }
                ch = ch * 16 + (uint32_t)v;
                s++;
                vpos++;
            }
            if (ch > 0x10FFFF) {
                decode_error(p, estart, vpos, "illegal Unicode character", '\\');
                return -1;
            }
            break;
        }
        case 'N': {
            const char *name = s + 1;
            const char *close =
                s < end && *s == '{' ? memchr(name, '}', (size_t)(end - name)) : NULL;
            if (close == NULL || close == name) {
                // Without '{' the error covers "\\N"; with an unclosed or
                // empty name, everything up to the end (or the '}').
                int stop = vpos;
                if (s < end && *s == '{') {
                    stop = close == name ? vpos + 1 : vpos + (int)(end - s);
                }
                decode_error(p, estart, stop, "malformed \\N character escape", '\\');
                return -1;
            }
            int nlen = (int)(close - name);
            if (!sp_unicode_lookup_name(name, (size_t)nlen, &ch)) {
                decode_error(p, estart, vpos + nlen + 2, "unknown Unicode character name", '\\');
                return -1;
            }
            s = close + 1;
            vpos += nlen + 2;
            break;
        }
        default:
            // Invalid escape: kept as is (CPython warns).
            if (sp_str_writer_write_char(w, '\\') < 0 || sp_str_writer_write_char(w, c) < 0) {
                goto nomem;
            }
            continue;
        }
        if (sp_str_writer_write_char(w, ch) < 0) {
            goto nomem;
        }
    }
    return 0;
nomem:
    p->error = 1;
    return -1;
}

// decode_bytes(p, buf, &n, s, len, raw): bytes literal text into buf (at
// least len bytes). Non-ASCII was rejected before.
static int decode_bytes(Parser *p, char *buf, size_t *n, const char *s, size_t len, int raw) {
    const char *start = s, *end = s + len;
    size_t o = 0;
    while (s < end) {
        char c = *s++;
        if (c != '\\' || raw) {
            buf[o++] = c;
            continue;
        }
        if (s >= end) {
            sp_p_raise(p, SP_EXC_SYNTAX, "(value error) Trailing \\ in string");
            return -1;
        }
        c = *s++;
        switch (c) {
        case '\n': break;
        case '\\': buf[o++] = '\\'; break;
        case '\'': buf[o++] = '\''; break;
        case '"': buf[o++] = '"'; break;
        case 'a': buf[o++] = 7; break;
        case 'b': buf[o++] = 8; break;
        case 'f': buf[o++] = 12; break;
        case 'n': buf[o++] = 10; break;
        case 'r': buf[o++] = 13; break;
        case 't': buf[o++] = 9; break;
        case 'v': buf[o++] = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = c - '0';
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++) {
                v = v * 8 + (*s++ - '0');
            }
            buf[o++] = (char)(v & 0xFF);
            break;
        }
        case 'x': {
            int h1 = s < end ? hexval((unsigned char)s[0]) : -1;
            int h2 = s + 1 < end ? hexval((unsigned char)s[1]) : -1;
            if (h1 < 0 || h2 < 0) {
                sp_p_raise(p, SP_EXC_SYNTAX, "(value error) invalid \\x escape at position %d",
                           (int)(s - 2 - start));
                return -1;
            }
            buf[o++] = (char)(h1 * 16 + h2);
            s += 2;
            break;
        }
        default:
            buf[o++] = '\\';
            buf[o++] = c;
            break;
        }
    }
    *n = o;
    return 0;
}

// ===========================================================================
// One literal token: prefix, quotes, body

typedef struct Literal {
    const char *body;  // between the quotes
    size_t len;
    int bytes, raw, fmode, u;
} Literal;

static void split_literal(const SpToken *t, Literal *lit) {
    const char *s = t->start;
    memset(lit, 0, sizeof *lit);
    lit->u = *s == 'u';
    for (;; s++) {
        char c = (char)(*s | 0x20);
        if (c == 'b') {
            lit->bytes = 1;
        } else if (c == 'r') {
            lit->raw = 1;
        } else if (c == 'f') {
            lit->fmode = 1;
        } else if (c != 'u') {
            break;
        }
    }
    char quote = *s;
    const char *end = t->end;
    size_t q = (end - s >= 6 && s[1] == quote && s[2] == quote) ? 3 : 1;
    lit->body = s + q;
    lit->len = (size_t)(end - s) - 2 * q;
}

// ===========================================================================
// f-strings (3.11: the parser scans the literal for replacement fields)

typedef struct FState {
    SpStrWriter last;  // pending literal text
    int has_last;
    Vec values;        // Constant / FormattedValue nodes
    int fmode;
} FState;

// The span of the nodes made for a literal: from the first token to the last
// (or one token for a format spec).
typedef struct Span {
    const SpToken *first, *last;
} Span;

static int fstate_append_text(Parser *p, FState *st, SpStrWriter *w) {
    if (w->len == 0) {
        sp_str_writer_discard(w);
        return 0;
    }
    SpObject *s = sp_str_writer_finish(w);
    if (s == NULL) {
        p->error = 1;
        return -1;
    }
    int r = sp_str_writer_write_str(&st->last, s);
    SP_DECREF(s);
    if (r < 0) {
        p->error = 1;
        return -1;
    }
    st->has_last = 1;
    return 0;
}

// make_str(p, st, span, kind_u): a Constant from the pending text.
static SpExpr *make_str(Parser *p, SpStrWriter *w, Span span, int kind_u) {
    SpObject *s = sp_str_writer_finish(w);
    if (s == NULL || sp_arena_add_object(p->arena, s) < 0) {
        p->error = 1;
        return NULL;
    }
    SpExpr *e = sp_ast_new_expr(p->arena, SP_EXPR_CONSTANT, span.first->lineno,
                                span.first->col_offset, span.last->end_lineno,
                                span.last->end_col_offset);
    if (e == NULL) {
        p->error = 1;
        return NULL;
    }
    e->v.Constant.value = s;
    if (kind_u) {
        e->v.Constant.kind = sp_p_intern(p, "u", 1);
    }
    return e;
}

static int flush_last(Parser *p, FState *st, Span span, int kind_u) {
    if (!st->has_last) {
        return 0;
    }
    SpExpr *e = make_str(p, &st->last, span, kind_u);
    sp_str_writer_init(&st->last);
    st->has_last = 0;
    if (e == NULL || sp_vec_push(p, &st->values, e) < 0) {
        return -1;
    }
    return 0;
}

static int fstring_concat(Parser *p, FState *st, const char **str, const char *end, int raw,
                          int recurse_lvl, const SpToken *t, Span outer, int kind_u);

// find_expr(p, &s, end, raw, lvl, t, outer, kind_u, &expr_text, &node):
// the replacement field starting at the '{' at *s.
//
// As CPython 3.11, the expression's extent is found by scanning: brackets
// are counted and quoted strings skipped; the first '!', ':', '=' or '}' at
// depth 0 that is not part of "!=", "==", "<=", ">=" ends it. Backslashes
// and '#' are not allowed in the expression. The text is then parsed by a
// nested parser (sp_p_fstring_expr); `=` adds the expression text to the
// literal and makes !r the default conversion.
static int find_expr(Parser *p, const char **str, const char *end, int raw, int recurse_lvl,
                     const SpToken *t, Span outer, int kind_u, SpStrWriter *expr_text,
                     int *has_text, SpExpr **out) {
    const char *s = *str;
    char quote_char = 0;
    int string_type = 0, depth = 0;
    char parens[SP_TOK_MAXLEVEL];
    if (recurse_lvl >= 2) {
        sp_p_raise(p, SP_EXC_SYNTAX, "f-string: expressions nested too deeply");
        return -1;
    }
    const char *brace = s;
    s++;
    const char *expr_start = s;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\') {
            sp_p_raise(p, SP_EXC_SYNTAX, "f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (s + 2 < end && s[1] == ch && s[2] == ch) {
                        s += 2;
                        string_type = 0;
                        quote_char = 0;
                    }
                } else {
                    string_type = 0;
                    quote_char = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) {
                string_type = 3;
                s += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= SP_TOK_MAXLEVEL) {
                sp_p_raise(p, SP_EXC_SYNTAX, "f-string: too many nested parenthesis");
                return -1;
            }
            parens[depth++] = ch;
        } else if (ch == '#') {
            sp_p_raise(p, SP_EXC_SYNTAX, "f-string expression part cannot include '#'");
            return -1;
        } else if (depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (s + 1 < end) {
                char next = s[1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
                    s++;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') {
                continue;
            }
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (depth == 0) {
                sp_p_raise(p, SP_EXC_SYNTAX, "f-string: unmatched '%c'", ch);
                return -1;
            }
            char open = parens[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}'))) {
                sp_p_raise(p, SP_EXC_SYNTAX,
                           "f-string: closing parenthesis '%c' does not match opening "
                           "parenthesis '%c'",
                           ch, open);
                return -1;
            }
        }
    }
    const char *expr_end = s;
    if (quote_char) {
        sp_p_raise(p, SP_EXC_SYNTAX, "f-string: unterminated string");
        return -1;
    }
    if (depth) {
        sp_p_raise(p, SP_EXC_SYNTAX, "f-string: unmatched '%c'", parens[depth - 1]);
        return -1;
    }
    if (s >= end) {
        goto unexpected_end;
    }
    // The expression first, so its errors come before those of the
    // conversion or format spec.
    {
        const char *q = expr_start;
        while (q < expr_end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f')) {
            q++;
        }
        if (q == expr_end) {
            if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
                sp_p_raise(p, SP_EXC_SYNTAX, "f-string: expression required before '%c'",
                           *expr_end);
            } else {
                sp_p_raise(p, SP_EXC_SYNTAX, "f-string: empty expression not allowed");
            }
            return -1;
        }
    }
    // Where the expression's nodes start: CPython's fstring_find_expr_location.
    int lines = 0, cols = 0;
    {
        int newline_after_brace = 1;
        for (const char *q = brace + 1; q < end && *q != '}' && *q != '\n'; q++) {
            if (*q != ' ' && *q != '\t' && *q != '\f') {
                newline_after_brace = 0;
                break;
            }
        }
        if (!newline_after_brace) {
            const char *q = brace;
            while (q > t->start && *q != '\n') {
                q--;
            }
            cols = (int)(brace - q);
            if (*q == '\n') {
                cols--;
            }
        }
        for (const char *q = t->start; q < brace; q++) {
            lines += *q == '\n';
        }
    }
    // The token's column counts only when the field is on its first line.
    SpExpr *value = sp_p_fstring_expr(p, expr_start, (size_t)(expr_end - expr_start),
                                      t->lineno + lines, lines ? cols : t->col_offset + cols);
    if (value == NULL) {
        return -1;
    }
    int conversion = -1;
    SpExpr *format_spec = NULL;
    if (*s == '=') {
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
                           *s == '\v')) {
            s++;
        }
        if (s >= end) {
            goto unexpected_end;
        }
        // The text of the expression (with the '=' and spaces) is literal text.
        const char *q = expr_start;
        while (q < s) {
            uint32_t cp = decode_utf8_char(&q, s);
            if (sp_str_writer_write_char(expr_text, cp) < 0) {
                p->error = 1;
                return -1;
            }
        }
        *has_text = 1;
    }
    if (*s == '!') {
        s++;
        if (s >= end) {
            goto unexpected_end;
        }
        conversion = (unsigned char)*s++;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            sp_p_raise(p, SP_EXC_SYNTAX,
                       "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
    }
    if (s >= end) {
        goto unexpected_end;
    }
    if (*s == ':') {
        s++;
        if (s >= end) {
            goto unexpected_end;
        }
        // The format spec is itself an f-string (nested one level).
        FState spec;
        memset(&spec, 0, sizeof spec);
        sp_str_writer_init(&spec.last);
        sp_vec_init(&spec.values);
        Span tspan = {t, t};
        if (fstring_concat(p, &spec, &s, end, raw, recurse_lvl + 1, t, outer, kind_u) < 0 ||
            flush_last(p, &spec, tspan, kind_u) < 0) {
            sp_str_writer_discard(&spec.last);
            sp_vec_free(&spec.values);
            return -1;
        }
        format_spec = sp_ast_new_expr(p->arena, SP_EXPR_JOINED_STR, t->lineno, t->col_offset,
                                      t->end_lineno, t->end_col_offset);
        if (format_spec == NULL ||
            VEC_FINISH(p, &spec.values, format_spec->v.JoinedStr.values) < 0) {
            p->error = 1;
            return -1;
        }
    }
    if (s >= end || *s != '}') {
        goto unexpected_end;
    }
    s++;
    if (*has_text && format_spec == NULL && conversion == -1) {
        conversion = 'r';
    }
    SpExpr *fv = sp_ast_new_expr(p->arena, SP_EXPR_FORMATTED_VALUE, outer.first->lineno,
                                 outer.first->col_offset, outer.last->end_lineno,
                                 outer.last->end_col_offset);
    if (fv == NULL) {
        p->error = 1;
        return -1;
    }
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = format_spec;
    *out = fv;
    *str = s;
    return 0;
unexpected_end:
    sp_p_raise(p, SP_EXC_SYNTAX, "f-string: expecting '}'");
    return -1;
}

// find_literal(p, &s, end, raw, lvl, w): the literal text up to the next
// replacement field (or the '}' ending a format spec). Returns 1 when it
// stopped after a doubled brace (keep scanning), 0 otherwise, -1 on error.
static int find_literal(Parser *p, const char **str, const char *end, int raw, int recurse_lvl,
                        SpStrWriter *w) {
    const char *s = *str, *start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                // \N{...} braces are not replacement fields.
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                    continue;
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    // A doubled brace: the literal ends with one of them.
                    *str = s + 1;
                    result = 1;
                    if (decode_str(p, w, start, (size_t)(s - start), raw) < 0) {
                        return -1;
                    }
                    return result;
                }
                if (ch == '}') {
                    *str = s - 1;
                    sp_p_raise(p, SP_EXC_SYNTAX, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
    if (s > start && decode_str(p, w, start, (size_t)(s - start), raw) < 0) {
        return -1;
    }
    return result;
}

// fstring_concat: the body of one f-string (or format spec) into st.
static int fstring_concat(Parser *p, FState *st, const char **str, const char *end, int raw,
                          int recurse_lvl, const SpToken *t, Span outer, int kind_u) {
    st->fmode = 1;
    for (;;) {
        SpStrWriter lit;
        sp_str_writer_init(&lit);
        int r = find_literal(p, str, end, raw, recurse_lvl, &lit);
        if (r < 0) {
            sp_str_writer_discard(&lit);
            return -1;
        }
        if (fstate_append_text(p, st, &lit) < 0) {
            return -1;
        }
        if (r == 1) {
            continue;
        }
        if (*str >= end || **str == '}') {
            break;
        }
        SpStrWriter text;
        sp_str_writer_init(&text);
        int has_text = 0;
        SpExpr *fv = NULL;
        if (find_expr(p, str, end, raw, recurse_lvl, t, outer, kind_u, &text, &has_text, &fv) < 0) {
            sp_str_writer_discard(&text);
            return -1;
        }
        if (has_text && fstate_append_text(p, st, &text) < 0) {
            return -1;
        }
        if (!has_text) {
            sp_str_writer_discard(&text);
        }
        // The pending literal becomes a Constant before the field.
        Span span = recurse_lvl ? (Span){t, t} : outer;
        if (flush_last(p, st, span, kind_u) < 0 || sp_vec_push(p, &st->values, fv) < 0) {
            return -1;
        }
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        sp_p_raise(p, SP_EXC_SYNTAX, "f-string: expecting '}'");
        return -1;
    }
    return 0;
}

// ===========================================================================
// strings: STRING+

// Adjacent literals are concatenated at parse time: str with str (any of
// them f-strings) or bytes with bytes. Constants and JoinedStr span from
// the first literal to the last; the kind 'u' comes from the first one.
SpExpr *sp_p_strings(Parser *p) {
    int first = p->pos;
    while (cur_type(p) == SP_TOK_STRING) {
        p->pos++;
    }
    int last = p->pos - 1;
    if (p->error) {
        return NULL;
    }
    const SpToken *ft = &p->tokens[first], *lt = &p->tokens[last];
    Span outer = {ft, lt};
    Literal lit;
    // Source text that is not UTF-8 shows up here (comments may hold any
    // bytes): CPython's decoder error, for the first bad literal.
    for (int i = first; i <= last; i++) {
        split_literal(&p->tokens[i], &lit);
        size_t bad;
        const char *why = lit.bytes ? NULL : sp_utf8_check(lit.body, lit.len, &bad);
        if (why != NULL) {
            sp_p_raise(p, SP_EXC_SYNTAX,
                       "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s",
                       (unsigned char)lit.body[bad], (int)bad, why);
            return NULL;
        }
    }
    split_literal(ft, &lit);
    int kind_u = lit.u;

    // The common case: one plain str literal without escapes.
    if (first == last && !lit.bytes && !lit.fmode &&
        (lit.raw || memchr(lit.body, '\\', lit.len) == NULL)) {
        SpObject *s = sp_str_from_utf8(lit.body, (ssize_t)lit.len);
        if (s == NULL || sp_arena_add_object(p->arena, s) < 0) {
            p->error = 1;
            return NULL;
        }
        SpExpr *e = sp_ast_new_expr(p->arena, SP_EXPR_CONSTANT, ft->lineno, ft->col_offset,
                                    lt->end_lineno, lt->end_col_offset);
        if (e == NULL) {
            p->error = 1;
            return NULL;
        }
        e->v.Constant.value = s;
        if (kind_u) {
            e->v.Constant.kind = sp_p_intern(p, "u", 1);
        }
        return e;
    }

    int bytesmode = lit.bytes;
    char *bytes = NULL;
    size_t nbytes = 0;
    FState st;
    memset(&st, 0, sizeof st);
    sp_str_writer_init(&st.last);
    sp_vec_init(&st.values);
    for (int i = first; i <= last; i++) {
        const SpToken *t = &p->tokens[i];
        split_literal(t, &lit);
        if (lit.fmode) {
            if (i != first && bytesmode != lit.bytes) {
                sp_p_raise(p, SP_EXC_SYNTAX, "cannot mix bytes and nonbytes literals");
                goto fail;
            }
            const char *s = lit.body;
            if (fstring_concat(p, &st, &s, lit.body + lit.len, lit.raw, 0, t, outer, kind_u) < 0) {
                goto fail;
            }
            continue;
        }
        if (lit.bytes) {
            for (size_t k = 0; k < lit.len; k++) {
                if ((unsigned char)lit.body[k] >= 0x80) {
                    sp_p_raise_tok(p, t, "bytes can only contain ASCII literal characters");
                    goto fail;
                }
            }
            char *nb = sp_mem_realloc(bytes, nbytes + lit.len + 1);
            if (nb == NULL) {
                sp_err_no_memory();
                p->error = 1;
                goto fail;
            }
            bytes = nb;
            size_t n;
            if (decode_bytes(p, bytes + nbytes, &n, lit.body, lit.len,
                             lit.raw || memchr(lit.body, '\\', lit.len) == NULL) < 0) {
                goto fail;
            }
            nbytes += n;
            if (i != first && bytesmode != lit.bytes) {
                sp_p_raise(p, SP_EXC_SYNTAX, "cannot mix bytes and nonbytes literals");
                goto fail;
            }
            continue;
        }
        SpStrWriter w;
        sp_str_writer_init(&w);
        if (decode_str(p, &w, lit.body, lit.len, lit.raw) < 0) {
            sp_str_writer_discard(&w);
            goto fail;
        }
        if (i != first && bytesmode != lit.bytes) {
            sp_str_writer_discard(&w);
            sp_p_raise(p, SP_EXC_SYNTAX, "cannot mix bytes and nonbytes literals");
            goto fail;
        }
        if (fstate_append_text(p, &st, &w) < 0) {
            goto fail;
        }
    }
    SpExpr *e;
    if (bytesmode) {
        SpObject *b = sp_bytes_from_data(bytes ? bytes : "", (ssize_t)nbytes);
        if (b == NULL || sp_arena_add_object(p->arena, b) < 0) {
            p->error = 1;
            goto fail;
        }
        e = sp_ast_new_expr(p->arena, SP_EXPR_CONSTANT, ft->lineno, ft->col_offset,
                            lt->end_lineno, lt->end_col_offset);
        if (e == NULL) {
            p->error = 1;
            goto fail;
        }
        e->v.Constant.value = b;
    } else if (!st.fmode) {
        e = make_str(p, &st.last, outer, kind_u);
        sp_str_writer_init(&st.last);
        if (e == NULL) {
            goto fail;
        }
    } else {
        if (flush_last(p, &st, outer, kind_u) < 0) {
            goto fail;
        }
        e = sp_ast_new_expr(p->arena, SP_EXPR_JOINED_STR, ft->lineno, ft->col_offset,
                            lt->end_lineno, lt->end_col_offset);
        if (e == NULL || VEC_FINISH(p, &st.values, e->v.JoinedStr.values) < 0) {
            p->error = 1;
            goto fail;
        }
    }
    sp_mem_free(bytes);
    sp_str_writer_discard(&st.last);
    sp_vec_free(&st.values);
    return e;
fail:
    sp_mem_free(bytes);
    sp_str_writer_discard(&st.last);
    sp_vec_free(&st.values);
    p->error = 1;
    return NULL;
}
