// smallpy: traceback objects, and printing an exception the way CPython
// 3.11's default excepthook does: chained exceptions, one entry per frame
// with its source line, the caret line under the failing expression
// (`~~~^^^~~~` for binary operations and subscripts), repeated-frame
// folding, and the SyntaxError layout. Counterpart: CPython 3.11
// Python/traceback.c, Python/pythonrun.c (print_exception*), Lib/traceback.py.
#include "objects/traceback.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/parser.h"
#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "modules/sys.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/type.h"

// ===========================================================================
// The traceback type

static void tb_dealloc(SpObject *self) {
    SpTracebackObject *tb = (SpTracebackObject *)self;
    sp_gc_untrack(self);
    SP_XDECREF(tb->tb_next);
    SP_XDECREF(tb->tb_code);
    sp_object_free(self);
}

static int tb_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpTracebackObject *tb = (SpTracebackObject *)self;
    if (tb->tb_next && visit((SpObject *)tb->tb_next, arg)) {
        return -1;
    }
    return tb->tb_code && visit(tb->tb_code, arg) ? -1 : 0;
}

static SpObject *tb_get_next(SpObject *self, void *c) {
    SpTracebackObject *tb = (SpTracebackObject *)self;
    return sp_newref(tb->tb_next ? (SpObject *)tb->tb_next : sp_None);
}

static SpMemberDef tb_members[] = {
    {"tb_lasti", SP_T_INT, offsetof(SpTracebackObject, tb_lasti), SP_READONLY, NULL},
    {"tb_lineno", SP_T_INT, offsetof(SpTracebackObject, tb_lineno), SP_READONLY, NULL},
    {"tb_code", SP_T_OBJECT, offsetof(SpTracebackObject, tb_code), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpTraceback_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "traceback",
    .tp_basicsize = sizeof(SpTracebackObject),
    .tp_dealloc = tb_dealloc,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = tb_traverse,
    .tp_members = tb_members,
    .tp_getset = tb_getset,
    .tp_free = sp_object_free,
};

int sp_traceback_add(SpObject *code, int lasti) {
    SpObject *exc = sp_err_occurred();
    if (exc == NULL) {
        return 0;
    }
    SpTracebackObject *tb = (SpTracebackObject *)sp_object_alloc(&SpTraceback_Type, 0);
    if (tb == NULL) {
        return -1;
    }
    SpObject *next = sp_exc_get_traceback_borrow(exc);
    SP_XINCREF(next);
    tb->tb_next = (SpTracebackObject *)next;
    tb->tb_code = sp_newref(code);
    tb->tb_lasti = lasti;
    tb->tb_lineno = sp_code_line((SpCodeObject *)code, lasti);
    sp_gc_track((SpObject *)tb);
    sp_exc_set_traceback(exc, (SpObject *)tb);
    SP_DECREF(tb);
    return 0;
}

// ===========================================================================
// Output. Everything goes to sys.stderr through a small buffer of text so
// that one exception is one stream of writes.

typedef struct Out {
    SpObject *file;  // sys.stderr, or NULL for fd 2
} Out;

static void out_str(Out *o, const char *s) {
    if (o->file == NULL || sp_file_write_cstr(o->file, s) < 0) {
        sp_err_clear();
        fputs(s, stderr);
    }
}

static void out_obj(Out *o, SpObject *s) {
    const char *u = sp_str_as_utf8(s, NULL);
    if (u == NULL) {
        sp_err_clear();
        out_str(o, "<unprintable>");
        return;
    }
    out_str(o, u);
}

static void out_fmt(Out *o, const char *fmt, ...) SP_PRINTF(2, 3);
static void out_fmt(Out *o, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    out_str(o, buf);
}

static void out_repeat(Out *o, char c, ssize_t n) {
    char buf[128];
    while (n > 0) {
        ssize_t k = n < (ssize_t)sizeof buf - 1 ? n : (ssize_t)sizeof buf - 1;
        memset(buf, c, (size_t)k);
        buf[k] = '\0';
        out_str(o, buf);
        n -= k;
    }
}

// ===========================================================================
// Source lines. The last file read is kept, as tracebacks usually show many
// lines of one file.

static char *cached_name;
static char *cached_text;
static size_t cached_len;

// Line `lineno` (1-based) of `filename` without its newline, in a malloc'ed
// buffer; NULL if unavailable.
static char *source_line(const char *filename, int lineno) {
    if (lineno < 1 || filename[0] == '<') {
        return NULL;
    }
    if (cached_name == NULL || strcmp(cached_name, filename) != 0) {
        FILE *f = fopen(filename, "rb");
        if (f == NULL) {
            return NULL;
        }
        size_t cap = 8192, n = 0;
        char *text = malloc(cap);
        size_t got;
        while (text != NULL && (got = fread(text + n, 1, cap - n, f)) > 0) {
            n += got;
            if (n == cap) {
                char *t = realloc(text, cap *= 2);
                if (t == NULL) {
                    free(text);
                }
                text = t;
            }
        }
        fclose(f);
        if (text == NULL) {
            return NULL;
        }
        free(cached_name);
        free(cached_text);
        cached_name = strdup(filename);
        cached_text = text;
        cached_len = n;
    }
    const char *p = cached_text, *end = cached_text + cached_len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    if (p >= end) {
        return NULL;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = (size_t)((nl ? nl : end) - p);
    if (len > 0 && p[len - 1] == '\r') {
        len--;
    }
    char *line = malloc(len + 1);
    if (line != NULL) {
        memcpy(line, p, len);
        line[len] = '\0';
    }
    return line;
}

// Characters (code points) in the first `bytes` bytes of UTF-8 text.
static ssize_t chars_in(const char *s, ssize_t bytes) {
    ssize_t n = 0;
    for (ssize_t i = 0; i < bytes && s[i]; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// ===========================================================================
// Caret anchors (Lib/traceback.py's _extract_caret_anchors_from_line_segment):
// when the failing expression, parsed alone, is a binary operation or a
// subscript, the operator / the brackets get '^' and the rest '~'.
// Offsets are byte offsets into `seg`; returns 1 with *left, *right set.

static int caret_anchors(const char *seg, ssize_t seglen, ssize_t *left, ssize_t *right) {
    SpArena *arena = sp_arena_new();
    if (arena == NULL) {
        sp_err_clear();
        return 0;
    }
    int found = 0;
    SpObject *fn = sp_str_from_cstr("<traceback>");
    SpAstMod *mod = fn ? sp_parse(arena, seg, seglen, fn, SP_COMPILE_EXEC, 0, NULL) : NULL;
    SP_XDECREF(fn);
    if (mod == NULL || mod->v.Module.body.n != 1 ||
        mod->v.Module.body.items[0]->kind != SP_STMT_EXPR) {
        goto done;
    }
    SpExpr *e = mod->v.Module.body.items[0]->v.Expr.value;
    if (e->kind == SP_EXPR_BIN_OP) {
        SpExpr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
        if (l->end_lineno != 1 || r->lineno != 1) {
            goto done;
        }
        ssize_t op = l->end_col_offset;
        while (op < r->col_offset && is_space(seg[op])) {
            op++;
        }
        ssize_t la = op, ra = op + 1;
        if (op + 1 < r->col_offset && !is_space(seg[op + 1])) {
            ra++;
        }
        while (la < seglen && (is_space(seg[la]) || seg[la] == ')' || seg[la] == '#')) {
            la++;
            ra++;
        }
        *left = la;
        *right = ra;
        found = 1;
    } else if (e->kind == SP_EXPR_SUBSCRIPT) {
        SpExpr *v = e->v.Subscript.value, *s = e->v.Subscript.slice;
        if (v->end_lineno != 1 || s->end_lineno != 1) {
            goto done;
        }
        ssize_t la = v->end_col_offset, ra = s->end_col_offset + 1;
        while (la < seglen && seg[la] != '[') {
            la++;
        }
        while (ra < seglen && seg[ra] != ']') {
            ra++;
        }
        if (ra < seglen) {
            ra++;
        }
        *left = la;
        *right = ra;
        found = 1;
    }
done:
    sp_err_clear();
    sp_arena_free(arena);
    return found;
}

// ===========================================================================
// One traceback entry

static void print_entry(Out *o, SpTracebackObject *tb) {
    SpCodeObject *co = (SpCodeObject *)tb->tb_code;
    const char *file = sp_str_as_utf8(co->co_filename, NULL);
    const char *name = sp_str_as_utf8(co->co_name, NULL);
    if (file == NULL || name == NULL) {
        sp_err_clear();
        return;
    }
    out_fmt(o, "  File \"%s\", line %d, in %s\n", file, tb->tb_lineno, name);
    char *line = source_line(file, tb->tb_lineno);
    if (line == NULL) {
        return;
    }
    // The line is shown stripped; carets are placed relative to it.
    ssize_t len = (ssize_t)strlen(line);
    ssize_t lead = 0;
    while (lead < len && (is_space(line[lead]))) {
        lead++;
    }
    ssize_t tail = len;
    while (tail > lead && (is_space(line[tail - 1]) || line[tail - 1] == '\n')) {
        tail--;
    }
    out_str(o, "    ");
    line[tail] = '\0';
    out_str(o, line + lead);
    out_str(o, "\n");

    SpCodePosition pos = {-1, -1, -1, -1};
    if (tb->tb_lasti >= 0 && tb->tb_lasti < co->co_ncode && co->co_positions != NULL) {
        pos = co->co_positions[tb->tb_lasti];
    }
    if (pos.line != tb->tb_lineno || pos.col < 0 || pos.end_col < 0 || pos.end_line < pos.line) {
        free(line);
        return;
    }
    // Byte columns into the original line; a multi-line expression is marked
    // to the end of its first line, without anchors.
    ssize_t sb = pos.col, eb = pos.end_line == pos.line ? pos.end_col : tail;
    if (sb > tail) {
        sb = tail;
    }
    if (eb > tail) {
        eb = tail;
    }
    if (eb < sb) {
        eb = sb;
    }
    ssize_t start = chars_in(line, sb), end = chars_in(line, eb);
    ssize_t stripped_chars = chars_in(line, lead);
    ssize_t shown = chars_in(line + lead, tail - lead);
    ssize_t la = 0, ra = 0;
    int anchors = 0;
    if (pos.end_line == pos.line && eb > sb) {
        ssize_t lb, rb;
        if (caret_anchors(line + sb, eb - sb, &lb, &rb)) {
            anchors = 1;
            la = chars_in(line + sb, lb);
            ra = chars_in(line + sb, rb);
        }
    }
    if (end - start < shown || (anchors && ra - la > 0)) {
        out_str(o, "    ");
        out_repeat(o, ' ', start - stripped_chars);
        if (anchors) {
            out_repeat(o, '~', la);
            out_repeat(o, '^', ra - la);
            out_repeat(o, '~', end - start - ra);
        } else {
            out_repeat(o, '^', end - start);
        }
        out_str(o, "\n");
    }
    free(line);
}

// Entries with CPython's folding of runs of the same (file, line, name):
// the first three of a run are printed, then
// "[Previous line repeated N more times]" for the rest.
static void fold_message(Out *o, long count) {
    if (count > 3) {
        out_fmt(o, "  [Previous line repeated %ld more time%s]\n", count - 3,
                count - 3 > 1 ? "s" : "");
    }
}

static void print_tb(Out *o, SpTracebackObject *tb) {
    SpTracebackObject *last = NULL;
    long count = 0;  // occurrences of the current run, including `last`
    for (; tb != NULL; tb = tb->tb_next) {
        SpCodeObject *co = (SpCodeObject *)tb->tb_code;
        if (last != NULL && last->tb_lineno == tb->tb_lineno &&
            ((SpCodeObject *)last->tb_code)->co_filename == co->co_filename &&
            ((SpCodeObject *)last->tb_code)->co_name == co->co_name) {
            count++;
        } else {
            fold_message(o, count);
            count = 1;
        }
        last = tb;
        if (count <= 3) {
            print_entry(o, tb);
        }
    }
    fold_message(o, count);
}

// ===========================================================================
// The exception line(s)

// SyntaxError: '  File "x", line N' then the text and a caret line.
static void print_syntax_error_location(Out *o, SpSyntaxErrorObject *e) {
    if (e->filename != NULL && SP_STR_CHECK(e->filename)) {
        out_str(o, "  File \"");
        out_obj(o, e->filename);
        out_str(o, "\"");
        if (e->lineno != NULL && SP_INT_CHECK(e->lineno)) {
            out_fmt(o, ", line %ld", sp_int_as_long(e->lineno));
        }
        out_str(o, "\n");
    }
    if (e->text == NULL || !SP_STR_CHECK(e->text)) {
        return;
    }
    const char *text = sp_str_as_utf8(e->text, NULL);
    if (text == NULL) {
        sp_err_clear();
        return;
    }
    long offset = e->offset && SP_INT_CHECK(e->offset) ? sp_int_as_long(e->offset) : -1;
    long end_offset =
        e->end_offset && SP_INT_CHECK(e->end_offset) ? sp_int_as_long(e->end_offset) : -1;
    long lineno = e->lineno && SP_INT_CHECK(e->lineno) ? sp_int_as_long(e->lineno) : -1;
    long end_lineno =
        e->end_lineno && SP_INT_CHECK(e->end_lineno) ? sp_int_as_long(e->end_lineno) : lineno;
    // CPython's rules (pythonrun.c print_error_text): offsets are 1-based
    // characters; leading blanks are stripped and the offsets move with
    // them, the trailing newline is dropped but trailing blanks are shown,
    // an offset past the end is clipped, and the caret run is one character
    // wide for IndentationError, for errors spanning several lines and when
    // the end is unknown.
    ssize_t len = (ssize_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n') {
        len--;
    }
    int one_caret = end_lineno != lineno || end_offset <= offset ||
                    sp_type_is_subtype(SP_TYPE(e), &SpExc_IndentationError);
    offset--;
    end_offset--;
    const char *p = text;
    while (is_space(*p)) {
        p++;
        len--;
        offset--;
        end_offset--;
    }
    ssize_t chars = chars_in(p, len);
    if (offset > chars) {
        offset = (long)chars;
        one_caret = 1;
    }
    char *copy = malloc((size_t)len + 1);
    if (copy == NULL) {
        return;
    }
    memcpy(copy, p, (size_t)len);
    copy[len] = '\0';
    out_str(o, "    ");
    out_str(o, copy);
    out_str(o, "\n");
    free(copy);
    if (offset < 0) {
        return;
    }
    if (end_offset > chars) {
        end_offset = (long)chars;
    }
    out_str(o, "    ");
    out_repeat(o, ' ', offset);
    out_repeat(o, '^', one_caret || end_offset <= offset ? 1 : end_offset - offset);
    out_str(o, "\n");
}

static void print_exception_line(Out *o, SpObject *exc) {
    SpTypeObject *t = SP_TYPE(exc);
    SpObject *module = sp_dict_getitem_str_borrow(t->tp_dict, "__module__");
    if (module != NULL && SP_STR_CHECK(module) && !sp_str_eq_cstr(module, "builtins") &&
        !sp_str_eq_cstr(module, "__main__")) {
        out_obj(o, module);
        out_str(o, ".");
    }
    SpObject *qual = sp_type_qualname(t);
    if (qual != NULL) {
        out_obj(o, qual);
        SP_DECREF(qual);
    } else {
        sp_err_clear();
        out_str(o, sp_type_name(t));
    }
    SpObject *s;
    if (sp_type_is_subtype(t, &SpExc_SyntaxError) && ((SpSyntaxErrorObject *)exc)->msg) {
        s = sp_object_str(((SpSyntaxErrorObject *)exc)->msg);
    } else {
        s = sp_object_str(exc);
    }
    if (s == NULL) {
        sp_err_clear();
        out_str(o, ": <exception str() failed>");
    } else if (SP_STR_LENGTH(s) > 0) {
        out_str(o, ": ");
        out_obj(o, s);
    }
    SP_XDECREF(s);
    out_str(o, "\n");
    // Notes added with add_note(), one per line.
    SpObject *notes = ((SpBaseExceptionObject *)exc)->notes;
    if (notes != NULL && SP_LIST_CHECK(notes)) {
        for (ssize_t i = 0; i < SP_LIST_SIZE(notes); i++) {
            SpObject *n = sp_object_str(SP_LIST_GET_ITEM(notes, i));
            if (n == NULL) {
                sp_err_clear();
                out_str(o, "<note str() failed>");
            } else {
                out_obj(o, n);
                SP_DECREF(n);
            }
            out_str(o, "\n");
        }
    }
}

static void print_one(Out *o, SpObject *exc) {
    SpObject *tb = sp_exc_get_traceback_borrow(exc);
    if (tb != NULL) {
        out_str(o, "Traceback (most recent call last):\n");
        print_tb(o, (SpTracebackObject *)tb);
    }
    if (sp_type_is_subtype(SP_TYPE(exc), &SpExc_SyntaxError)) {
        print_syntax_error_location(o, (SpSyntaxErrorObject *)exc);
    }
    print_exception_line(o, exc);
}

// Causes and contexts first, each once (a chain may loop).
static void print_chain(Out *o, SpObject *exc, SpObject **seen, int nseen) {
    if (nseen >= 64) {
        print_one(o, exc);
        return;
    }
    seen[nseen++] = exc;
    SpObject *cause = sp_exc_get_cause_borrow(exc);
    SpObject *context = sp_exc_get_context_borrow(exc);
    int suppress = ((SpBaseExceptionObject *)exc)->suppress_context;
    SpObject *prev = cause != NULL ? cause : (!suppress ? context : NULL);
    for (int i = 0; prev != NULL && i < nseen; i++) {
        if (seen[i] == prev) {
            prev = NULL;
        }
    }
    if (prev != NULL) {
        print_chain(o, prev, seen, nseen);
        out_str(o, cause != NULL
                       ? "\nThe above exception was the direct cause of the following exception:\n\n"
                       : "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    print_one(o, exc);
}

void sp_traceback_print_exception(SpObject *exc) {
    if (exc == NULL) {
        return;
    }
    // Printing must not disturb an exception being raised meanwhile.
    SpObject *pending = sp_err_fetch();
    Out o = {sp_sys_get_borrow("stderr")};
    if (o.file == sp_None) {
        o.file = NULL;
    }
    if (o.file != NULL) {
        SP_INCREF(o.file);
    }
    SpObject *seen[64];
    print_chain(&o, exc, seen, 0);
    if (o.file != NULL) {
        SpObject *r = sp_call_method_str(o.file, "flush", NULL, 0);
        SP_XDECREF(r);
        SP_DECREF(o.file);
    }
    sp_err_clear();
    sp_err_restore(pending);
}
