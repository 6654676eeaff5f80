// smallpy: SyntaxError construction for the parser and the compiler, with
// CPython 3.11's locations: args (msg, (filename, lineno, offset, text,
// end_lineno, end_offset)), offsets 1-based in characters, text the source
// line. Also the helpers of the invalid_* diagnostics that describe targets.
// Counterpart: CPython 3.11 Parser/pegen_errors.c, Parser/pegen.h (RAISE_*),
// Parser/action_helpers.c (_PyPegen_get_expr_name, _PyPegen_get_invalid_target).
#define SP_COMPILER_INTERNAL
#include "compiler/parser_internal.h"

#include <stdarg.h>
#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "objects/exc.h"
#include "objects/none.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

// ---------------------------------------------------------------------------
// Source lines

// line_span(src, len, lineno, &start, &end): the bytes of line `lineno`
// (1-based), end excluding its newline. 0 if there is no such line.
static int line_span(const char *src, size_t len, int lineno, const char **start,
                     const char **end) {
    const char *s = src, *stop = src + len;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
    }
    for (int i = 1; i < lineno; i++) {
        const char *nl = memchr(s, '\n', (size_t)(stop - s));
        if (nl == NULL) {
            return 0;
        }
        s = nl + 1;
    }
    if (s > stop || (s == stop && lineno > 1)) {
        return 0;
    }
    const char *nl = memchr(s, '\n', (size_t)(stop - s));
    *start = s;
    *end = nl ? nl : stop;
    return 1;
}

// char_offset(line, n, k): CPython's _PyPegen_byte_offset_to_character_offset:
// the number of characters in the first k bytes of the text (clamped to its
// length + 1); a cut multi-byte sequence counts as one character.
static int char_offset(const char *line, size_t n, int k) {
    if (k <= 0) {
        return k;
    }
    if ((size_t)k > n + 1) {
        k = (int)n + 1;
    }
    int chars = 0;
    for (int i = 0; i < k && (size_t)i < n; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c & 0xC0) != 0x80) {
            chars++;
        }
    }
    if ((size_t)k > n) {
        chars++;  // one past the end of the text
    }
    return chars;
}

// raise_syntax(type, filename, msg, lineno, offset, text, end_lineno,
// end_offset): set the exception. text may be NULL (None). Steals msg.
static void raise_syntax(SpTypeObject *type, SpObject *filename, SpObject *msg, int lineno,
                         int offset, const char *text, size_t text_len, int end_lineno,
                         int end_offset) {
    SpObject *text_obj = NULL, *loc = NULL, *args = NULL, *ln = NULL, *off = NULL, *eln = NULL,
             *eoff = NULL;
    if (msg == NULL) {
        return;
    }
    if (text != NULL) {
        text_obj = sp_str_from_utf8(text, (ssize_t)text_len);
        if (text_obj == NULL) {
            // Undecodable source text: report without it.
            sp_err_clear();
        }
    }
    ln = sp_int_from_long(lineno);
    off = sp_int_from_long(offset);
    eln = sp_int_from_long(end_lineno);
    eoff = sp_int_from_long(end_offset);
    if (ln == NULL || off == NULL || eln == NULL || eoff == NULL) {
        goto done;
    }
    loc = sp_tuple_pack(6, filename ? filename : sp_None, ln, off, text_obj ? text_obj : sp_None,
                        eln, eoff);
    if (loc == NULL) {
        goto done;
    }
    args = sp_tuple_pack(2, msg, loc);
    if (args == NULL) {
        goto done;
    }
    sp_err_set_object(type, args);
done:
    SP_XDECREF(text_obj);
    SP_XDECREF(ln);
    SP_XDECREF(off);
    SP_XDECREF(eln);
    SP_XDECREF(eoff);
    SP_XDECREF(loc);
    SP_XDECREF(args);
    SP_DECREF(msg);
}

static SpTypeObject *exc_type(int exc) {
    return exc == SP_EXC_TAB ? &SpExc_TabError
         : exc == SP_EXC_INDENTATION ? &SpExc_IndentationError : &SpExc_SyntaxError;
}

// ---------------------------------------------------------------------------
// Raising from the parser

// raise_known(p, exc, lineno, col, end_lineno, end_col, msg): CPython's
// _PyPegen_raise_error_known_location with 1-based byte offsets. Steals msg.
static void raise_known(Parser *p, int exc, int lineno, int col, int end_lineno, int end_col,
                        SpObject *msg) {
    p->error = 1;
    if (msg == NULL) {
        return;
    }
    if (sp_err_occurred()) {
        SP_DECREF(msg);
        return;
    }
    const char *src = p->src;
    size_t srclen = p->srclen;
    int text_lineno = lineno;
    if (p->fstring) {
        // Errors in an f-string expression: prefixed, columns relative to
        // the "(expr)" text, which is also the reported source line.
        SpObject *full = sp_str_from_format("f-string: %U", msg);
        SP_DECREF(msg);
        if (full == NULL) {
            return;
        }
        msg = full;
        col -= p->starting_col_offset;
        end_col -= p->starting_col_offset;
        text_lineno = lineno - p->starting_lineno + 1;
    }
    const char *ls, *le;
    const char *text = NULL;
    size_t text_len = 0;
    char *owned = NULL;
    if (line_span(src, srclen, text_lineno, &ls, &le)) {
        // The line as CPython shows it: with its newline (the source of a
        // module always ends in one; an eval or single input may not).
        text_len = (size_t)(le - ls);
        if (le < src + srclen && !p->text_no_newline) {
            text_len++;
        }
        owned = sp_arena_alloc(p->arena, text_len + 1);
        if (owned == NULL) {
            SP_DECREF(msg);
            return;
        }
        memcpy(owned, ls, text_len);
        owned[text_len] = '\0';
        text = owned;
    }
    int offset = col, end_offset = end_col;
    if (text != NULL && !(p->flags & SP_PARSE_FILE_INPUT)) {
        offset = char_offset(text, text_len, col);
        if (end_col > 0) {
            end_offset = char_offset(text, text_len, end_col);
        }
    }
    raise_syntax(exc_type(exc), p->filename, msg, lineno, offset, text, text_len, end_lineno,
                 end_offset);
}

static SpObject *format_msg(const char *fmt, va_list ap) {
    return sp_str_from_formatv(fmt, ap);
}

void *sp_p_raise_at(Parser *p, int exc, int lineno, int col, int end_lineno, int end_col,
                    const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    SpObject *msg = format_msg(fmt, ap);
    va_end(ap);
    raise_known(p, exc, lineno, col, end_lineno, end_col, msg);
    return NULL;
}

// The location of RAISE_SYNTAX_ERROR: the furthest token looked at; for
// tokens without a column (INDENT, DEDENT, ENDMARKER) "the current position".
void *sp_p_raise(Parser *p, int exc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    SpObject *msg = format_msg(fmt, ap);
    va_end(ap);
    int i = p->fill > 0 ? p->fill - 1 : 0;
    if (i >= p->ntokens) {
        i = p->ntokens - 1;
    }
    const SpToken *t = &p->tokens[i];
    int col = t->col_offset == -1 ? t->cur_col : t->col_offset + 1;
    int end_col = t->end_col_offset == -1 ? -1 : t->end_col_offset + 1;
    raise_known(p, exc, t->lineno, col, t->end_lineno, end_col, msg);
    return NULL;
}

void *sp_p_raise_expr(Parser *p, const SpExpr *e, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    SpObject *msg = format_msg(fmt, ap);
    va_end(ap);
    raise_known(p, SP_EXC_SYNTAX, e->lineno, e->col_offset + 1, e->end_lineno,
                e->end_col_offset + 1, msg);
    return NULL;
}

void *sp_p_raise_tok(Parser *p, const SpToken *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    SpObject *msg = format_msg(fmt, ap);
    va_end(ap);
    raise_known(p, SP_EXC_SYNTAX, t->lineno, t->col_offset + 1, t->end_lineno,
                t->end_col_offset + 1, msg);
    return NULL;
}

void *sp_p_raise_range(Parser *p, const SpExpr *a, const SpExpr *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    SpObject *msg = format_msg(fmt, ap);
    va_end(ap);
    raise_known(p, SP_EXC_SYNTAX, a->lineno, a->col_offset + 1, b->end_lineno,
                b->end_col_offset + 1, msg);
    return NULL;
}

void *sp_p_raise_tok_range(Parser *p, const SpToken *a, const SpToken *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    SpObject *msg = format_msg(fmt, ap);
    va_end(ap);
    raise_known(p, SP_EXC_SYNTAX, a->lineno, a->col_offset + 1, b->end_lineno,
                b->end_col_offset + 1, msg);
    return NULL;
}

// RAISE_SYNTAX_ERROR_STARTING_FROM: the end is the tokenizer's position.
void *sp_p_raise_from(Parser *p, const SpExpr *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    SpObject *msg = format_msg(fmt, ap);
    va_end(ap);
    int i = p->fill > 0 ? p->fill - 1 : 0;
    const SpToken *t = &p->tokens[i < p->ntokens ? i : p->ntokens - 1];
    raise_known(p, SP_EXC_SYNTAX, a->lineno, a->col_offset + 1, t->end_lineno, t->cur_col, msg);
    return NULL;
}

void sp_p_raise_tokenizer_error(Parser *p, const SpTokError *e) {
    p->error = 1;
    p->tok_error_raised = 1;
    if (sp_err_occurred()) {
        return;
    }
    if (e->kind == SP_TOKERR_EOF && e->level > 0) {
        // raise_unclosed_parentheses_error
        // CPython shows the line without its newline unless it is the line
        // the tokenizer stopped on.
        p->text_no_newline = e->paren_lineno < p->tokens[p->ntokens - 1].lineno;
        sp_p_raise_at(p, SP_EXC_SYNTAX, e->paren_lineno, e->paren_col + 1, e->paren_lineno, 0,
                      "'%c' was never closed", e->paren);
        p->text_no_newline = 0;
        return;
    }
    SpObject *msg = sp_str_from_utf8(e->msg, (ssize_t)strlen(e->msg));
    if (e->kind != SP_TOKERR_SYNTAX) {
        raise_known(p, e->exc, e->lineno, e->offset, e->end_lineno, e->end_offset, msg);
        return;
    }
    // The tokenizer's own SyntaxError: the line without its newline, the
    // offsets counted in characters.
    const char *ls, *le;
    const char *src = p->src;
    size_t srclen = p->srclen;
    int lineno = e->lineno;
    if (p->fstring) {
        lineno = e->lineno - p->starting_lineno + 1;
    }
    if (!line_span(src, srclen, lineno, &ls, &le)) {
        raise_syntax(exc_type(e->exc), p->filename, msg, e->lineno, e->offset, NULL, 0,
                     e->end_lineno, e->end_offset);
        return;
    }
    int offset = char_offset(ls, (size_t)(le - ls), e->offset);
    int end_offset = e->end_offset > 0 ? char_offset(ls, (size_t)(le - ls), e->end_offset)
                                       : e->end_offset;
    raise_syntax(exc_type(e->exc), p->filename, msg, e->lineno, offset, ls, (size_t)(le - ls),
                 e->end_lineno, end_offset);
}

// ---------------------------------------------------------------------------
// Targets

const char *sp_p_expr_name(const SpExpr *e) {
    switch (e->kind) {
    case SP_EXPR_ATTRIBUTE: return "attribute";
    case SP_EXPR_SUBSCRIPT: return "subscript";
    case SP_EXPR_STARRED: return "starred";
    case SP_EXPR_NAME: return "name";
    case SP_EXPR_LIST: return "list";
    case SP_EXPR_TUPLE: return "tuple";
    case SP_EXPR_LAMBDA: return "lambda";
    case SP_EXPR_CALL: return "function call";
    case SP_EXPR_BOOL_OP:
    case SP_EXPR_BIN_OP:
    case SP_EXPR_UNARY_OP: return "expression";
    case SP_EXPR_GENERATOR_EXP: return "generator expression";
    case SP_EXPR_YIELD:
    case SP_EXPR_YIELD_FROM: return "yield expression";
    case SP_EXPR_AWAIT: return "await expression";
    case SP_EXPR_LIST_COMP: return "list comprehension";
    case SP_EXPR_SET_COMP: return "set comprehension";
    case SP_EXPR_DICT_COMP: return "dict comprehension";
    case SP_EXPR_DICT: return "dict literal";
    case SP_EXPR_SET: return "set display";
    case SP_EXPR_JOINED_STR:
    case SP_EXPR_FORMATTED_VALUE: return "f-string expression";
    case SP_EXPR_CONSTANT: {
        SpObject *v = e->v.Constant.value;
        if (v == sp_None) {
            return "None";
        }
        if (v == sp_False) {
            return "False";
        }
        if (v == sp_True) {
            return "True";
        }
        if (v == sp_Ellipsis) {
            return "ellipsis";
        }
        return "literal";
    }
    case SP_EXPR_COMPARE: return "comparison";
    case SP_EXPR_IF_EXP: return "conditional expression";
    case SP_EXPR_NAMED_EXPR: return "named expression";
    default: return "expression";
    }
}

SpExpr *sp_p_invalid_target(int kind, SpExpr *e) {
    switch (e->kind) {
    case SP_EXPR_LIST:
    case SP_EXPR_TUPLE:
        for (ssize_t i = 0; i < e->v.Tuple.elts.n; i++) {
            SpExpr *bad = sp_p_invalid_target(kind, e->v.Tuple.elts.items[i]);
            if (bad != NULL) {
                return bad;
            }
        }
        return NULL;
    case SP_EXPR_STARRED:
        if (kind == TARGETS_DEL) {
            return e;
        }
        return sp_p_invalid_target(kind, e->v.Starred.value);
    case SP_EXPR_COMPARE:
        // `for a in b` parses as a comparison when the target is read as an
        // expression: look at its left side.
        if (kind == TARGETS_FOR) {
            if (e->v.Compare.ops.items[0] == SP_CMP_IN) {
                return sp_p_invalid_target(kind, e->v.Compare.left);
            }
            return NULL;
        }
        return e;
    case SP_EXPR_NAME:
    case SP_EXPR_SUBSCRIPT:
    case SP_EXPR_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

void *sp_p_raise_invalid_target(Parser *p, int kind, SpExpr *e) {
    SpExpr *bad = sp_p_invalid_target(kind, e);
    if (bad == NULL) {
        return NULL;
    }
    return sp_p_raise_expr(p, bad, kind == TARGETS_DEL ? "cannot delete %s" : "cannot assign to %s",
                           sp_p_expr_name(bad));
}

// ---------------------------------------------------------------------------
// For the compiler

SpObject *sp_parse_syntax_error(SpTypeObject *type, SpObject *filename, const char *src,
                                ssize_t len, int lineno, int col_offset, int end_lineno,
                                int end_col_offset, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    SpObject *msg = sp_str_from_formatv(fmt, ap);
    va_end(ap);
    if (msg == NULL) {
        return NULL;
    }
    if (end_lineno <= 0) {
        end_lineno = lineno;
    }
    if (end_col_offset < 0) {
        end_col_offset = col_offset + 1;
    }
    int offset = col_offset < 0 ? 0 : col_offset + 1;
    int end_offset = end_col_offset + 1;
    const char *ls = NULL, *le = NULL;
    char *text = NULL;
    size_t text_len = 0;
    if (src != NULL) {
        size_t n = len < 0 ? strlen(src) : (size_t)len;
        if (line_span(src, n, lineno, &ls, &le)) {
            text_len = (size_t)(le - ls) + 1;
            text = sp_mem_alloc(text_len);
            if (text == NULL) {
                SP_DECREF(msg);
                return sp_err_no_memory();
            }
            memcpy(text, ls, text_len - 1);
            text[text_len - 1] = '\n';
            offset = char_offset(text, text_len, offset);
            if (end_lineno == lineno) {
                end_offset = char_offset(text, text_len, end_offset);
            }
        }
    }
    raise_syntax(type, filename, msg, lineno, offset, text, text_len, end_lineno, end_offset);
    sp_mem_free(text);
    return NULL;
}
