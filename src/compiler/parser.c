// smallpy: the parser's entry point (sp_parse: source normalisation, the two
// passes, incomplete input for the REPL), token access, node and sequence
// helpers, identifiers, and the nested parsers of f-string expressions.
// Statements are in parser_stmt.c, expressions in parser_expr.c, literals in
// parser_string.c, diagnostics in parser_error.c. Counterpart: CPython 3.11
// Parser/pegen.c, Parser/pegen_errors.c (_PyPegen_set_syntax_error).
#define SP_COMPILER_INTERNAL
#include "compiler/parser_internal.h"

#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

// ===========================================================================
// Tokens

// The furthest token ever looked at is CPython's p->fill: generic "invalid
// syntax" errors point at it, so every look (even a failed lookahead)
// counts. The tokenizer's error waits at the end of the array until the
// parser gets there, as CPython's lazy tokenizer only fails when asked for
// that token.
SpToken *sp_p_tok_at_slow(Parser *p, int i) {
    if (i >= p->ntokens) {
        i = p->ntokens - 1;
    }
    if (i >= p->fill) {
        p->fill = i + 1;
    }
    SpToken *t = &p->tokens[i];
    if (t->type == TOK_ERROR && !p->error) {
        sp_p_raise_tokenizer_error(p, &p->tokerr);
    }
    return t;
}

SpToken *sp_p_accept(Parser *p, int type) {
    SpToken *t = cur_tok(p);
    if (t->type == type && type != SP_TOK_ENDMARKER) {
        p->pos++;
        return t;
    }
    return NULL;
}

SpToken *sp_p_accept_kw(Parser *p, int kw) {
    SpToken *t = cur_tok(p);
    if (t->type == SP_TOK_NAME && t->kw == kw) {
        p->pos++;
        return t;
    }
    return NULL;
}

// CPython's _PyPegen_get_last_nonnwhitespace_token: a statement ends at its
// last real token, not at the NEWLINE or DEDENT that closed it.
SpToken *sp_p_last_tok(Parser *p) {
    for (int i = p->pos - 1; i > 0; i--) {
        int type = p->tokens[i].type;
        if (type != SP_TOK_ENDMARKER && type != SP_TOK_NEWLINE && type != SP_TOK_INDENT &&
            type != SP_TOK_DEDENT) {
            return &p->tokens[i];
        }
    }
    return &p->tokens[0];
}

SpToken *sp_p_expect_forced(Parser *p, int type, const char *text) {
    SpToken *t = cur_tok(p);
    if (p->error) {
        return NULL;
    }
    if (t->type != type) {
        return sp_p_raise_tok(p, t, "expected '%s'", text);
    }
    p->pos++;
    return t;
}

// ===========================================================================
// Nodes and sequences

void *sp_p_alloc(Parser *p, size_t size) {
    void *mem = sp_arena_alloc(p->arena, size);
    if (mem == NULL) {
        p->error = 1;
    }
    return mem;
}

SpExpr *sp_p_expr(Parser *p, SpExprKind kind, int start) {
    const SpToken *a = &p->tokens[start];
    const SpToken *b = sp_p_last_tok(p);
    SpExpr *e = sp_ast_new_expr(p->arena, kind, a->lineno, a->col_offset, b->end_lineno,
                                b->end_col_offset);
    if (e == NULL) {
        p->error = 1;
    }
    return e;
}

SpStmt *sp_p_stmt(Parser *p, SpStmtKind kind, int start) {
    const SpToken *a = &p->tokens[start];
    const SpToken *b = sp_p_last_tok(p);
    SpStmt *s = sp_ast_new_stmt(p->arena, kind, a->lineno, a->col_offset, b->end_lineno,
                                b->end_col_offset);
    if (s == NULL) {
        p->error = 1;
    }
    return s;
}

void sp_vec_init(Vec *v) {
    v->items = v->small;
    v->n = 0;
    v->cap = (ssize_t)(sizeof v->small / sizeof v->small[0]);
}

int sp_vec_push(Parser *p, Vec *v, void *item) {
    if (v->n == v->cap) {
        ssize_t cap = v->cap * 2;
        void **items;
        if (v->items == v->small) {
            items = sp_mem_alloc((size_t)cap * sizeof(void *));
            if (items != NULL) {
                memcpy(items, v->small, (size_t)v->n * sizeof(void *));
            }
        } else {
            items = sp_mem_realloc(v->items, (size_t)cap * sizeof(void *));
        }
        if (items == NULL) {
            sp_err_no_memory();
            p->error = 1;
            return -1;
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
    return 0;
}

void sp_vec_free(Vec *v) {
    if (v->items != v->small) {
        sp_mem_free(v->items);
    }
    sp_vec_init(v);
}

int sp_vec_finish(Parser *p, Vec *v, ssize_t *n, void *items_out) {
    void **items = NULL;
    if (v->n > 0) {
        items = sp_p_alloc(p, (size_t)v->n * sizeof(void *));
        if (items == NULL) {
            sp_vec_free(v);
            return -1;
        }
        memcpy(items, v->items, (size_t)v->n * sizeof(void *));
    }
    *n = v->n;
    memcpy(items_out, &items, sizeof items);
    sp_vec_free(v);
    return 0;
}

// ===========================================================================
// Identifiers. Every NAME becomes an interned str; a small open-addressing
// table keyed by the name's bytes makes repeated names cost one lookup.

static size_t hash_bytes(const char *s, size_t n) {
    size_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    }
    return h;
}

SpObject *sp_p_intern(Parser *p, const char *s, size_t len) {
    if (p->parent != NULL) {
        return sp_p_intern(p->parent, s, len);
    }
    if (p->names_used * 2 >= p->names_cap) {
        size_t cap = p->names_cap ? p->names_cap * 2 : 256;
        NameCacheEntry *t = sp_mem_calloc(cap * sizeof(NameCacheEntry));
        if (t == NULL) {
            sp_err_no_memory();
            p->error = 1;
            return NULL;
        }
        for (size_t i = 0; i < p->names_cap; i++) {
            NameCacheEntry *e = &p->names[i];
            if (e->name != NULL) {
                size_t j = hash_bytes(e->text, e->len) & (cap - 1);
                while (t[j].name != NULL) {
                    j = (j + 1) & (cap - 1);
                }
                t[j] = *e;
            }
        }
        sp_mem_free(p->names);
        p->names = t;
        p->names_cap = cap;
    }
    size_t j = hash_bytes(s, len) & (p->names_cap - 1);
    while (p->names[j].name != NULL) {
        NameCacheEntry *e = &p->names[j];
        if (e->len == len && memcmp(e->text, s, len) == 0) {
            return e->name;
        }
        j = (j + 1) & (p->names_cap - 1);
    }
    SpObject *name = sp_str_from_utf8(s, (ssize_t)len);
    if (name == NULL) {
        p->error = 1;
        return NULL;
    }
    sp_str_intern_in_place(&name);
    if (sp_arena_add_object(p->arena, name) < 0) {
        p->error = 1;
        return NULL;
    }
    p->names[j].text = s;
    p->names[j].len = len;
    p->names[j].name = name;
    p->names_used++;
    return name;
}

SpObject *sp_p_name_of(Parser *p, const SpToken *t) {
    return sp_p_intern(p, t->start, (size_t)(t->end - t->start));
}

SpExpr *sp_p_name_expr(Parser *p, int i, SpExprContext ctx) {
    const SpToken *t = &p->tokens[i];
    SpObject *id = sp_p_name_of(p, t);
    if (id == NULL) {
        return NULL;
    }
    SpExpr *e = sp_ast_new_expr(p->arena, SP_EXPR_NAME, t->lineno, t->col_offset, t->end_lineno,
                                t->end_col_offset);
    if (e == NULL) {
        p->error = 1;
        return NULL;
    }
    e->v.Name.id = id;
    e->v.Name.ctx = ctx;
    return e;
}

// ===========================================================================
// The driver

// is_end_of_source(p): did the parser get as far as the end of the input
// (CPython: the tokenizer is in E_EOF / E_EOFS / E_EOLS state)? Then, for
// the REPL, the input is incomplete rather than wrong.
static int is_end_of_source(Parser *p) {
    const SpToken *t = &p->tokens[p->fill > 0 ? p->fill - 1 : 0];
    if (t->type == TOK_ERROR) {
        return p->tokerr.at_eof;
    }
    return t->at_eof;
}

// full_source_check(p): after a parser error, CPython tokenizes the rest of
// the input: a later tokenizer error replaces the parser's, and so does a
// bracket left open on a line before the error ("'(' was never closed").
static void full_source_check(Parser *p) {
    const SpTokError *e = &p->tokerr;
    if (e->kind == SP_TOKERR_NONE) {
        return;
    }
    int err_line = p->tokens[p->fill > 0 ? p->fill - 1 : 0].lineno;
    if (e->kind == SP_TOKERR_SYNTAX) {
        sp_err_clear();
        sp_p_raise_tokenizer_error(p, e);
    } else if (e->level > 0 && err_line > e->paren_lineno) {
        SpTokError never = *e;
        never.kind = SP_TOKERR_EOF;
        sp_err_clear();
        sp_p_raise_tokenizer_error(p, &never);
    }
}

// set_syntax_error(p, last): both passes failed; last is the furthest token
// of the first pass. Mirrors _PyPegen_set_syntax_error.
static void set_syntax_error(Parser *p, int last) {
    if (sp_err_occurred()) {
        if (!p->tok_error_raised && sp_err_matches_type(&SpExc_SyntaxError)) {
            full_source_check(p);
        }
        return;
    }
    const SpToken *t = &p->tokens[last];
    if (t->type == SP_TOK_INDENT) {
        sp_p_raise(p, SP_EXC_INDENTATION, "unexpected indent");
        return;
    }
    if (t->type == SP_TOK_DEDENT) {
        sp_p_raise(p, SP_EXC_INDENTATION, "unexpected unindent");
        return;
    }
    sp_p_raise_tok(p, t, "invalid syntax");
    full_source_check(p);
}

// bad_single_statement(p): in single mode, anything but blanks and comments
// after the statement.
static int bad_single_statement(Parser *p) {
    const SpToken *t = &p->tokens[p->fill > 0 ? p->fill - 1 : 0];
    const char *s = t->end;
    if (s == NULL) {
        return 0;
    }
    if (t->type == SP_TOK_NEWLINE) {
        s++;
    }
    const char *end = p->src + p->srclen;
    while (s < end) {
        char c = *s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\014') {
            s++;
        } else if (c == '#') {
            while (s < end && *s != '\n') {
                s++;
            }
        } else {
            return 1;
        }
    }
    return 0;
}

// normalize(arena, src, len, mode, &outlen): a NUL-terminated copy with
// "\r\n" and "\r" turned into "\n" and, for whole modules, a final newline.
static char *normalize(SpArena *arena, const char *src, size_t len, int mode, size_t *outlen) {
    char *buf = sp_arena_alloc(arena, len + 2);
    if (buf == NULL) {
        return NULL;
    }
    size_t n = 0;
    const char *cr = memchr(src, '\r', len);
    if (cr == NULL) {
        memcpy(buf, src, len);
        n = len;
    } else {
        for (size_t i = 0; i < len; i++) {
            char c = src[i];
            if (c == '\r') {
                c = '\n';
                if (i + 1 < len && src[i + 1] == '\n') {
                    i++;
                }
            }
            buf[n++] = c;
        }
    }
    if (mode == SP_COMPILE_EXEC && n > 0 && buf[n - 1] != '\n') {
        buf[n++] = '\n';
    }
    buf[n] = '\0';
    *outlen = n;
    return buf;
}

// ---------------------------------------------------------------------------
// Source encodings (PEP 263). UTF-8 is the default; a coding declaration
// may also name Latin-1 (transcoded here). Other encodings are not
// supported.

// find_cookie(src, len, name, cap): the encoding named by a "coding[:=]"
// comment on line 1, or on line 2 when line 1 is blank or a comment.
static int find_cookie(const char *src, size_t len, char *name, size_t cap) {
    const char *s = src, *end = src + len;
    for (int line = 0; line < 2 && s < end; line++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        const char *q = s;
        while (q < le && (*q == ' ' || *q == '\t' || *q == '\f')) {
            q++;
        }
        if (q < le && *q == '#') {
            for (const char *c = q; c + 7 <= le; c++) {
                if (memcmp(c, "coding", 6) == 0 && (c[6] == ':' || c[6] == '=')) {
                    c += 7;
                    while (c < le && (*c == ' ' || *c == '\t')) {
                        c++;
                    }
                    size_t n = 0;
                    while (c < le && n + 1 < cap &&
                           ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                            (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.')) {
                        name[n++] = *c++;
                    }
                    name[n] = '\0';
                    if (n > 0) {
                        return 1;
                    }
                    break;
                }
            }
        } else if (q < le && *q != '\n') {
            return 0;  // line 1 holds code: no declaration on line 2
        }
        s = le + 1;
    }
    return 0;
}

// normal_name(name, out): CPython's get_normal_name(): "utf-8" and
// "iso-8859-1" for their spellings, else the name unchanged.
static const char *normal_name(const char *name, char *buf, size_t cap) {
    size_t i = 0;
    for (; name[i] && i < 12 && i + 1 < cap; i++) {
        char c = name[i];
        buf[i] = c == '_' ? '-' : (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[i] = '\0';
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0) {
        return "utf-8";
    }
    static const char *const latin[] = {"latin-1", "iso-8859-1", "iso-latin-1"};
    for (int k = 0; k < 3; k++) {
        size_t n = strlen(latin[k]);
        if (strcmp(buf, latin[k]) == 0 || (strncmp(buf, latin[k], n) == 0 && buf[n] == '-')) {
            return "iso-8859-1";
        }
    }
    return name;
}

// prepare_source(arena, src, len, filename, flags, &out, &outlen): the
// source as UTF-8: Latin-1 declared sources are transcoded; in file mode the
// whole text must be valid UTF-8 (CPython checks files when it reads them).
// 0, or -1 with SyntaxError set.
static int prepare_source(SpArena *arena, const char *src, size_t len, SpObject *filename,
                          int flags, const char **out, size_t *outlen) {
    char name[64], norm[16];
    *out = src;
    *outlen = len;
    int bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0;
    if (!(flags & SP_PARSE_IGNORE_COOKIE) &&
        find_cookie(src + (bom ? 3 : 0), len - (bom ? 3 : 0), name, sizeof name)) {
        const char *enc = normal_name(name, norm, sizeof norm);
        if (strcmp(enc, "utf-8") != 0) {
            int latin1 = strcmp(enc, "iso-8859-1") == 0;
            static const char *const aliases[] = {"latin1", "l1", "latin", "iso8859-1", "8859",
                                                  "cp819", "iso8859_1", "ascii", "us-ascii"};
            for (size_t k = 0; !latin1 && k < sizeof aliases / sizeof aliases[0]; k++) {
                latin1 = strcmp(norm, aliases[k]) == 0;
            }
            if (bom) {
                sp_err_format(&SpExc_SyntaxError, "encoding problem: %s with BOM", enc);
                return -1;
            }
            if (!latin1) {
                if (flags & SP_PARSE_FILE_INPUT) {
                    sp_err_format(&SpExc_SyntaxError, "encoding problem: %s", enc);
                } else {
                    // CPython: args (msg, (filename, 0, -1, None)).
                    SpObject *msg = sp_str_from_format("unknown encoding: %s", enc);
                    SpObject *zero = sp_int_from_long(0), *minus = sp_int_from_long(-1);
                    SpObject *loc = msg && zero && minus
                                        ? sp_tuple_pack(4, filename, zero, minus, sp_None)
                                        : NULL;
                    SpObject *args = loc ? sp_tuple_pack(2, msg, loc) : NULL;
                    if (args != NULL) {
                        sp_err_set_object(&SpExc_SyntaxError, args);
                    }
                    SP_XDECREF(msg);
                    SP_XDECREF(zero);
                    SP_XDECREF(minus);
                    SP_XDECREF(loc);
                    SP_XDECREF(args);
                }
                return -1;
            }
            // Latin-1 to UTF-8: at most two bytes a character.
            char *buf = sp_arena_alloc(arena, 2 * len + 1);
            if (buf == NULL) {
                return -1;
            }
            size_t n = 0;
            for (size_t i = 0; i < len; i++) {
                unsigned char c = (unsigned char)src[i];
                if (c < 0x80) {
                    buf[n++] = (char)c;
                } else {
                    buf[n++] = (char)(0xC0 | (c >> 6));
                    buf[n++] = (char)(0x80 | (c & 0x3F));
                }
            }
            *out = buf;
            *outlen = n;
            return 0;
        }
    }
    if (flags & SP_PARSE_FILE_INPUT) {
        size_t bad;
        if (sp_utf8_check(src, len, &bad) != NULL) {
            int line = 1;
            for (size_t i = 0; i < bad; i++) {
                line += src[i] == '\n';
            }
            sp_err_format(&SpExc_SyntaxError,
                          "Non-UTF-8 code starting with '\\x%02x' in file %U on line %d, but no "
                          "encoding declared; see https://peps.python.org/pep-0263/ for details",
                          (unsigned char)src[bad], filename, line);
            return -1;
        }
    }
    return 0;
}

// tokenize_all(p): run the tokenizer to the end (or to its first error,
// which becomes a TOK_ERROR sentinel) into p->tokens.
static int tokenize_all(Parser *p) {
    SpTokenizer *tok = sp_mem_alloc(sizeof(SpTokenizer));
    if (tok == NULL) {
        sp_err_no_memory();
        return -1;
    }
    sp_tokenizer_init(tok, p->src, p->srclen,
                      p->prompt ? SP_TOKMODE_PROMPT
                      : p->mode == SP_COMPILE_SINGLE ? SP_TOKMODE_SINGLE : SP_TOKMODE_FILE);
    int cap = (int)(p->srclen / 4) + 16, n = 0;
    SpToken *tokens = sp_mem_alloc((size_t)cap * sizeof(SpToken));
    if (tokens == NULL) {
        goto nomem;
    }
    for (;;) {
        if (n == cap) {
            cap *= 2;
            SpToken *nt = sp_mem_realloc(tokens, (size_t)cap * sizeof(SpToken));
            if (nt == NULL) {
                goto nomem;
            }
            tokens = nt;
        }
        SpToken *t = &tokens[n++];
        int type = sp_tokenizer_get(tok, t);
        if (type < 0) {
            memset(t, 0, sizeof *t);
            t->type = TOK_ERROR;
            t->lineno = t->end_lineno = tok->err.lineno;
            t->col_offset = t->end_col_offset = -1;
            t->at_eof = (uint8_t)tok->err.at_eof;
            p->tokerr = tok->err;
            break;
        }
        if (type == SP_TOK_ENDMARKER) {
            break;
        }
    }
    if (p->flags & SP_PARSE_FILE_INPUT) {
        // CPython's file tokenizer has dropped its line buffer when it meets
        // the end of the file: "the current column" is then 0.
        for (int i = n - 1; i >= 0 && tokens[i].at_eof; i--) {
            if (tokens[i].col_offset == -1) {
                tokens[i].cur_col = 0;
            }
        }
    }
    p->tokens = tokens;
    p->ntokens = n;
    sp_mem_free(tok);
    return 0;
nomem:
    sp_mem_free(tokens);
    sp_mem_free(tok);
    sp_err_no_memory();
    return -1;
}

static void parser_release(Parser *p) {
    sp_mem_free(p->tokens);
    sp_mem_free(p->names);
    p->tokens = NULL;
    p->names = NULL;
}

// Result of one parse: the tree, or an error (exception set), or incomplete
// input (only with allow_incomplete; no exception).
enum { PARSE_OK = 0, PARSE_ERROR = -1, PARSE_INCOMPLETE = 1 };

// parse_once: one complete parse of the text (CPython's _PyPegen_run_parser):
// tokenize, first pass; on failure either "incomplete" (REPL) or the
// second pass and the error. The tokens and the name table are freed here;
// the tree and its objects stay in the arena.
static int parse_once(SpArena *arena, const char *src, size_t len, SpObject *filename, int mode,
                      int flags, int allow_incomplete, int prompt, SpAstMod **out) {
    Parser parser;
    Parser *p = &parser;
    memset(p, 0, sizeof *p);
    *out = NULL;
    if (memchr(src, '\0', len) != NULL) {
        sp_err_set_string(&SpExc_SyntaxError, (flags & SP_PARSE_FILE_INPUT)
                                                  ? "source code cannot contain null bytes"
                                                  : "source code string cannot contain null bytes");
        return PARSE_ERROR;
    }
    p->arena = arena;
    p->filename = filename;
    p->mode = mode;
    p->flags = flags;
    p->prompt = prompt;
    if (prepare_source(arena, src, len, filename, flags, &src, &len) < 0) {
        return PARSE_ERROR;
    }
    p->src = normalize(arena, src, len, mode, &p->srclen);
    if (p->src == NULL || tokenize_all(p) < 0) {
        return PARSE_ERROR;
    }
    SpAstMod *mod = sp_p_run_start_rule(p);
    if (mod == NULL) {
        if (allow_incomplete && is_end_of_source(p)) {
            sp_err_clear();
            parser_release(p);
            return PARSE_INCOMPLETE;
        }
        if (sp_err_occurred() && !sp_err_matches_type(&SpExc_SyntaxError)) {
            parser_release(p);
            return PARSE_ERROR;
        }
        // The second pass, with the invalid_* diagnostics switched on.
        int last = p->fill > 0 ? p->fill - 1 : 0;
        p->pass1_fill = p->fill;
        if (!p->error) {
            p->invalid = p->pass2 = 1;
            sp_p_run_start_rule(p);
        }
        set_syntax_error(p, last);
        parser_release(p);
        return PARSE_ERROR;
    }
    if (mode == SP_COMPILE_SINGLE && bad_single_statement(p)) {
        sp_p_raise(p, SP_EXC_SYNTAX,
                   "multiple statements found while compiling a single statement");
        parser_release(p);
        return PARSE_ERROR;
    }
    parser_release(p);
    *out = mod;
    return PARSE_OK;
}

SpAstMod *sp_parse(SpArena *arena, const char *src, ssize_t len, SpObject *filename, int mode,
                   int flags, int *incomplete) {
    size_t n = len < 0 ? strlen(src) : (size_t)len;
    SpAstMod *mod;
    if (incomplete != NULL) {
        *incomplete = 0;
    }
    if (!(flags & SP_CF_ALLOW_INCOMPLETE)) {
        parse_once(arena, src, n, filename, mode, flags, 0, 0, &mod);
        return mod;
    }
    // The REPL: the lines typed so far. In single mode they are read as
    // CPython's interactive loop reads them (an empty line closes a compound
    // statement); input that stops where the grammar needs more is
    // "incomplete", not an error.
    int r = parse_once(arena, src, n, filename, mode, flags, 1, mode == SP_COMPILE_SINGLE, &mod);
    if (r == PARSE_INCOMPLETE && incomplete != NULL) {
        *incomplete = 1;
    }
    return mod;
}

// ===========================================================================
// f-string expressions: a nested parser over "(expr)\n", its tokens moved
// to where the expression sits in the file (CPython 3.11 shifts only the
// first line's columns, by the column of the replacement field).

SpExpr *sp_p_fstring_expr(Parser *p, const char *expr, size_t len, int lineno, int col) {
    Parser sub;
    memset(&sub, 0, sizeof sub);
    char *buf = sp_arena_alloc(p->arena, len + 4);
    if (buf == NULL) {
        p->error = 1;
        return NULL;
    }
    buf[0] = '(';
    memcpy(buf + 1, expr, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\n';
    buf[len + 3] = '\0';
    sub.arena = p->arena;
    sub.filename = p->filename;
    sub.mode = SP_P_MODE_FSTRING;
    sub.flags = p->flags;
    sub.fstring = 1;
    sub.parent = p->parent ? p->parent : p;
    sub.starting_lineno = lineno;
    sub.starting_col_offset = col;
    sub.src = buf;
    sub.srclen = len + 3;
    if (tokenize_all(&sub) < 0) {
        p->error = 1;
        return NULL;
    }
    int shift = lineno - 1;
    for (int i = 0; i < sub.ntokens; i++) {
        SpToken *t = &sub.tokens[i];
        if (t->end_lineno == 1) {
            if (t->col_offset >= 0) {
                t->col_offset += col;
            }
            if (t->end_col_offset >= 0) {
                t->end_col_offset += col;
            }
            t->cur_col += col;
        }
        t->lineno += shift;
        t->end_lineno += shift;
    }
    if (sub.tokerr.kind != SP_TOKERR_NONE) {
        sub.tokerr.lineno += shift;
        sub.tokerr.end_lineno += shift;
        sub.tokerr.paren_lineno += shift;
    }
    SpAstMod *mod = sp_p_run_start_rule(&sub);
    if (mod == NULL) {
        int last = sub.fill > 0 ? sub.fill - 1 : 0;
        if (!sub.error) {
            sub.invalid = sub.pass2 = 1;
            sp_p_run_start_rule(&sub);
        }
        set_syntax_error(&sub, last);
        parser_release(&sub);
        p->error = 1;
        return NULL;
    }
    parser_release(&sub);
    return mod->v.Expression.body;
}
