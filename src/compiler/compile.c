// smallpy: the compiler's entry point, sp_compile: parse, fold constants,
// build the symbol table, generate and assemble code. Also the module-wide
// constant cache (equal constants of one compilation are one object, keyed
// as CPython's _PyCode_ConstantKey) and the SyntaxError helpers of the
// passes after the parser. Counterpart: CPython 3.11 Python/compile.c
// (_PyAST_Compile, merge_consts_recursive, compiler_error),
// Objects/codeobject.c (_PyCode_ConstantKey, intern_string_constants).
#define SP_COMPILER_INTERNAL
#include "compiler/codegen.h"

#include <stdarg.h>
#include <string.h>

#include "compiler/parser.h"
#include "core/abstract.h"
#include "core/err.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

// ---------------------------------------------------------------------------
// Constant keys

static int is_frozenset(SpObject *o) { return SP_TYPE(o) == &SpFrozenSet_Type; }

// FNV-style mixing of hash parts.
static SpHash mix(SpHash h, SpHash x) {
    return (SpHash)(((size_t)h ^ (size_t)x) * (size_t)1099511628211u);
}

// The hash agrees with sp_const_equal: the type takes part, so 1 and True
// (equal as values) hash apart too.
SpHash sp_const_hash(SpObject *o) {
    SpTypeObject *t = SP_TYPE(o);
    SpHash h = (SpHash)((size_t)t >> 4);
    if (t == &SpInt_Type) {
        return mix(h, sp_int_hash(o));
    }
    if (t == &SpStr_Type) {
        return mix(h, sp_str_hash(o));
    }
    if (t == &SpFloat_Type) {
        uint64_t bits;
        double d = SP_FLOAT_VALUE(o);
        memcpy(&bits, &d, sizeof bits);
        return mix(h, (SpHash)(bits ^ (bits >> 29)));
    }
    if (t == &SpBytes_Type) {
        size_t x = 14695981039346656037u;
        for (ssize_t i = 0; i < SP_BYTES_SIZE(o); i++) {
            x = (x ^ (unsigned char)SP_BYTES_DATA(o)[i]) * 1099511628211u;
        }
        return mix(h, (SpHash)x);
    }
    if (t == &SpTuple_Type) {
        h = mix(h, SP_TUPLE_SIZE(o));
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(o); i++) {
            h = mix(h, sp_const_hash(SP_TUPLE_GET_ITEM(o, i)));
        }
        return h;
    }
    if (is_frozenset(o)) {
        // Order-independent: only the size (frozenset constants are rare).
        return mix(h, sp_set_size(o));
    }
    if (t == &SpCode_Type) {
        SpCodeObject *co = (SpCodeObject *)o;
        h = mix(h, sp_str_hash(co->co_name));
        h = mix(h, co->co_ncode);
        return mix(h, co->co_firstlineno);
    }
    return mix(h, (SpHash)((size_t)o >> 4));
}

// Code objects are equal when they would behave identically, as CPython's
// code_richcompare decides (the qualname does not count): a finally body
// compiled twice yields one lambda or comprehension code object, not two.
static int code_equal(SpCodeObject *a, SpCodeObject *b) {
    if (!sp_str_eq(a->co_name, b->co_name) || a->co_argcount != b->co_argcount ||
        a->co_posonlyargcount != b->co_posonlyargcount ||
        a->co_kwonlyargcount != b->co_kwonlyargcount || a->co_flags != b->co_flags ||
        a->co_firstlineno != b->co_firstlineno || a->co_ncode != b->co_ncode ||
        a->co_nexcept != b->co_nexcept) {
        return 0;
    }
    size_t n = (size_t)a->co_ncode;
    if (memcmp(a->co_code, b->co_code, n * sizeof(SpInstr)) != 0 ||
        memcmp(a->co_positions, b->co_positions, n * sizeof(SpCodePosition)) != 0) {
        return 0;
    }
    for (ssize_t i = 0; i < a->co_nexcept; i++) {
        SpExceptEntry *x = &a->co_exceptiontable[i], *y = &b->co_exceptiontable[i];
        if (x->start != y->start || x->end != y->end || x->target != y->target ||
            x->depth != y->depth || x->lasti != y->lasti) {
            return 0;
        }
    }
    return sp_const_equal(a->co_consts, b->co_consts) && sp_const_equal(a->co_names, b->co_names) &&
           sp_const_equal(a->co_localsplusnames, b->co_localsplusnames);
}

// Does frozenset `set` hold an item key-equal to x? (Small sets only.)
static int frozenset_has(SpObject *set, SpObject *x) {
    SpObject *it = sp_object_get_iter(set);
    if (it == NULL) {
        sp_err_clear();
        return 0;
    }
    SpObject *item;
    int found = 0;
    while (!found && (item = sp_iter_next(it)) != NULL) {
        found = sp_const_equal(item, x);
        SP_DECREF(item);
    }
    SP_DECREF(it);
    sp_err_clear();
    return found;
}

// Key equality: same exact type and same value, recursively for tuples and
// frozensets; other objects only by identity.
int sp_const_equal(SpObject *a, SpObject *b) {
    if (a == b) {
        return 1;
    }
    SpTypeObject *t = SP_TYPE(a);
    if (t != SP_TYPE(b)) {
        return 0;
    }
    if (t == &SpInt_Type) {
        // Digit by digit: an int overwritten through ctypes compares by its
        // current value, as CPython's dict of keys would.
        if (SP_SIZE(a) != SP_SIZE(b)) {
            return 0;
        }
        ssize_t n = SP_SIZE(a) < 0 ? -SP_SIZE(a) : SP_SIZE(a);
        return memcmp(((SpIntObject *)a)->ob_digit, ((SpIntObject *)b)->ob_digit,
                      sizeof(SpDigit) * (size_t)n) == 0;
    }
    if (t == &SpStr_Type) {
        return sp_str_eq(a, b);
    }
    if (t == &SpFloat_Type) {
        // 0.0 and -0.0 stay apart: compare the bits.
        double x = SP_FLOAT_VALUE(a), y = SP_FLOAT_VALUE(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (t == &SpBytes_Type) {
        return SP_BYTES_SIZE(a) == SP_BYTES_SIZE(b) &&
               memcmp(SP_BYTES_DATA(a), SP_BYTES_DATA(b), (size_t)SP_BYTES_SIZE(a)) == 0;
    }
    if (t == &SpTuple_Type) {
        if (SP_TUPLE_SIZE(a) != SP_TUPLE_SIZE(b)) {
            return 0;
        }
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(a); i++) {
            if (!sp_const_equal(SP_TUPLE_GET_ITEM(a, i), SP_TUPLE_GET_ITEM(b, i))) {
                return 0;
            }
        }
        return 1;
    }
    if (is_frozenset(a)) {
        if (sp_set_size(a) != sp_set_size(b)) {
            return 0;
        }
        SpObject *it = sp_object_get_iter(a);
        if (it == NULL) {
            sp_err_clear();
            return 0;
        }
        SpObject *item;
        int all = 1;
        while (all && (item = sp_iter_next(it)) != NULL) {
            all = frozenset_has(b, item);
            SP_DECREF(item);
        }
        SP_DECREF(it);
        sp_err_clear();
        return all;
    }
    if (t == &SpCode_Type) {
        return code_equal((SpCodeObject *)a, (SpCodeObject *)b);
    }
    return 0;
}

// Strings that look like identifiers are interned in co_consts (as
// CPython's intern_string_constants), also inside constant tuples.
static int all_name_chars(SpObject *s) {
    if (!SP_STR_IS_ASCII(s)) {
        return 0;
    }
    const unsigned char *p = (const unsigned char *)SP_STR_DATA(s);
    for (ssize_t i = 0; i < SP_STR_LENGTH(s); i++) {
        unsigned char ch = p[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_')) {
            return 0;
        }
    }
    return 1;
}

void sp_compile_intern_const(SpObject **o) {
    SpObject *v = *o;
    if (SP_STR_CHECK_EXACT(v)) {
        if (all_name_chars(v)) {
            sp_str_intern_in_place(o);
        }
    } else if (SP_TUPLE_CHECK_EXACT(v)) {
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(v); i++) {
            SpObject *item = SP_TUPLE_GET_ITEM(v, i);
            SP_INCREF(item);
            sp_compile_intern_const(&item);
            SpObject *old = SP_TUPLE_GET_ITEM(v, i);
            SP_TUPLE_SET_ITEM(v, i, item);
            SP_DECREF(old);
        }
    }
}

// CPython's merge_consts_recursive: the first object seen with a key is
// the one every later equal constant becomes.
SpObject *sp_compile_merge_const(SpCompiler *c, SpObject *o) {
    if (o == sp_None || o == sp_Ellipsis) {
        return sp_newref(o);
    }
    int k = sp_objlist_find(&c->const_cache, o);
    if (k >= 0) {
        return sp_newref(c->const_cache.items[k]);
    }
    // New: merge the items of a tuple first, so (400, 1) shares the 400.
    if (SP_TUPLE_CHECK_EXACT(o)) {
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(o); i++) {
            SpObject *item = SP_TUPLE_GET_ITEM(o, i);
            SpObject *canon = sp_compile_merge_const(c, item);
            if (canon == NULL) {
                return NULL;
            }
            if (canon != item) {
                SP_TUPLE_SET_ITEM(o, i, canon);
                SP_DECREF(item);
            } else {
                SP_DECREF(canon);
            }
        }
    }
    SpObject *v = sp_newref(o);
    sp_compile_intern_const(&v);
    if (sp_objlist_add(&c->const_cache, v) < 0) {
        SP_DECREF(v);
        return NULL;
    }
    return v;
}

// ---------------------------------------------------------------------------
// SyntaxErrors after parsing

// The text of line `lineno` of the source, with its newline, or None:
// CPython reads it back from the file, which fails for "<string>", "<stdin>".
static SpObject *source_line(SpObject *filename, const char *src, ssize_t len, int lineno) {
    if (src == NULL || lineno < 1 || filename == NULL || !SP_STR_CHECK(filename) ||
        (SP_STR_LENGTH(filename) > 0 && SP_STR_READ_CHAR(filename, 0) == '<')) {
        return sp_newref(sp_None);
    }
    ssize_t pos = 0;
    for (int line = 1; line < lineno; line++) {
        while (pos < len && src[pos] != '\n') {
            pos++;
        }
        if (pos >= len) {
            return sp_newref(sp_None);
        }
        pos++;
    }
    ssize_t end = pos;
    while (end < len && src[end] != '\n') {
        end++;
    }
    if (end < len) {
        end++;
    }
    SpObject *text = sp_str_from_utf8(src + pos, end - pos);
    if (text == NULL) {
        sp_err_clear();
        return sp_newref(sp_None);
    }
    return text;
}

// Location fields are ints.
static SpObject *int_or_none(int v) { return sp_int_from_long(v); }

// The two SyntaxError styles of CPython's compiler (see symtable.h).
static void raise_compile_error(int style, SpObject *filename, const char *src, ssize_t len,
                                int lineno, int col, int end_lineno, int end_col, const char *fmt,
                                va_list ap) {
    if (len < 0 && src != NULL) {
        len = (ssize_t)strlen(src);
    }
    SpObject *msg = sp_str_from_formatv(fmt, ap);
    SpObject *text = NULL, *args = NULL, *exc = NULL;
    SpObject *ln = NULL, *off = NULL, *eln = NULL, *eoff = NULL;
    if (msg == NULL) {
        return;
    }
    text = source_line(filename, src, len, lineno);
    ln = int_or_none(lineno);
    off = int_or_none(col + 1);
    eln = int_or_none(end_lineno);
    eoff = int_or_none(end_col + 1);
    if (text == NULL || ln == NULL || off == NULL || eln == NULL || eoff == NULL) {
        goto done;
    }
    SpObject *file = filename != NULL ? filename : sp_None;
    if (style == 0) {
        // Symbol-table style: args (msg,); the location in the attributes.
        args = sp_tuple_pack(1, msg);
        if (args == NULL || (exc = sp_exc_new(&SpExc_SyntaxError, args)) == NULL) {
            goto done;
        }
        SpSyntaxErrorObject *se = (SpSyntaxErrorObject *)exc;
        SP_SETREF(se->msg, sp_newref(msg));
        SP_SETREF(se->filename, sp_newref(file));
        SP_SETREF(se->lineno, sp_newref(ln));
        SP_SETREF(se->offset, sp_newref(off));
        SP_SETREF(se->text, sp_newref(text));
        SP_SETREF(se->end_lineno, sp_newref(eln));
        SP_SETREF(se->end_offset, sp_newref(eoff));
    } else {
        SpObject *loc = sp_tuple_pack(6, file, ln, off, text, eln, eoff);
        if (loc == NULL) {
            goto done;
        }
        args = sp_tuple_pack(2, msg, loc);
        SP_DECREF(loc);
        if (args == NULL || (exc = sp_exc_new(&SpExc_SyntaxError, args)) == NULL) {
            goto done;
        }
    }
    sp_err_set_object(&SpExc_SyntaxError, exc);
done:
    SP_XDECREF(exc);
    SP_XDECREF(args);
    SP_XDECREF(text);
    SP_XDECREF(ln);
    SP_XDECREF(off);
    SP_XDECREF(eln);
    SP_XDECREF(eoff);
    SP_DECREF(msg);
}

// Symbol-table errors: args (msg,), location in the attributes.
SpObject *sp_compile_error_attrs(SpObject *filename, const char *src, ssize_t len, int lineno,
                                 int col, int end_lineno, int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_compile_error(0, filename, src, len, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

// Code-generator errors: the location inside args.
SpObject *sp_compile_error_args(SpObject *filename, const char *src, ssize_t len, int lineno,
                                int col, int end_lineno, int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_compile_error(1, filename, src, len, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

// ---------------------------------------------------------------------------
// Future statements (CPython 3.11 Python/future.c): `from __future__ import
// x` is valid only at the top of a module, after string statements and other
// future imports. Checked before anything else, with its own error style.

// future.c reports only a line and an offset (no end), in the attributes.
static int future_error(SpObject *filename, const char *src, ssize_t len, SpStmt *s, int col,
                        const char *fmt, SpObject *name) {
    SpObject *text = source_line(filename, src, len, s->lineno);
    SpObject *msg = name != NULL ? sp_str_from_format(fmt, name) : sp_str_from_cstr(fmt);
    SpObject *args = msg != NULL ? sp_tuple_pack(1, msg) : NULL;
    SpObject *exc = args != NULL ? sp_exc_new(&SpExc_SyntaxError, args) : NULL;
    SpObject *ln = sp_int_from_long(s->lineno), *off = sp_int_from_long(col);
    if (exc != NULL && text != NULL && ln != NULL && off != NULL) {
        SpSyntaxErrorObject *se = (SpSyntaxErrorObject *)exc;
        SP_SETREF(se->msg, sp_newref(msg));
        SP_SETREF(se->filename, sp_newref(filename));
        SP_SETREF(se->lineno, sp_newref(ln));
        SP_SETREF(se->offset, sp_newref(off));
        SP_SETREF(se->text, sp_newref(text));
        sp_err_set_object(&SpExc_SyntaxError, exc);
    }
    SP_XDECREF(text);
    SP_XDECREF(msg);
    SP_XDECREF(args);
    SP_XDECREF(exc);
    SP_XDECREF(ln);
    SP_XDECREF(off);
    return -1;
}

static int future_scan(SpAstMod *mod, SpObject *filename, const char *src, ssize_t len,
                       int *ff_lineno, int *annotations) {
    static const char *const features[] = {
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
        NULL,
    };
    *ff_lineno = -1;
    *annotations = 0;
    if (mod->kind != SP_MOD_MODULE) {
        return 0;
    }
    SpStmtSeq body = mod->v.Module.body;
    int done = 0, prev_line = 0;
    for (ssize_t i = 0; i < body.n; i++) {
        SpStmt *s = body.items[i];
        if (done && s->lineno > prev_line) {
            return 0;
        }
        prev_line = s->lineno;
        if (s->kind == SP_STMT_IMPORT_FROM) {
            SpObject *m = s->v.ImportFrom.module;
            if (m == NULL || !sp_str_eq_cstr(m, "__future__")) {
                done = 1;
                continue;
            }
            if (done) {
                return future_error(filename, src, len, s, s->col_offset,
                                    "from __future__ imports must occur at the beginning of the "
                                    "file",
                                    NULL);
            }
            for (ssize_t j = 0; j < s->v.ImportFrom.names.n; j++) {
                SpObject *name = s->v.ImportFrom.names.items[j]->name;
                int known = 0;
                for (int k = 0; features[k] != NULL; k++) {
                    known |= sp_str_eq_cstr(name, features[k]);
                }
                if (sp_str_eq_cstr(name, "braces")) {
                    return future_error(filename, src, len, s, s->col_offset + 1, "not a chance",
                                        NULL);
                }
                if (!known) {
                    return future_error(filename, src, len, s, s->col_offset + 1,
                                        "future feature %U is not defined", name);
                }
                if (sp_str_eq_cstr(name, "annotations")) {
                    *annotations = 1;
                }
            }
            *ff_lineno = s->lineno;
        } else if (s->kind == SP_STMT_EXPR && !done) {
            SpExpr *e = s->v.Expr.value;
            if (e->kind != SP_EXPR_CONSTANT || !SP_STR_CHECK(e->v.Constant.value)) {
                done = 1;
            }
        } else {
            done = 1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// The entry point

// The pipeline, as CPython's _PyAST_Compile: future statements, folding,
// the symbol table, code generation (which assembles each code object as
// its scope closes). The arena and the table die here; the code objects
// hold references to everything they need.
SpObject *sp_compile(const char *src, ssize_t len, SpObject *filename, SpCompileMode mode,
                     int flags, int *incomplete) {
    if (len < 0) {
        len = (ssize_t)strlen(src);
    }
    if (incomplete != NULL) {
        *incomplete = 0;
    }
    if (filename == NULL || !SP_STR_CHECK(filename)) {
        return sp_err_format(&SpExc_TypeError, "compile(): filename must be a str");
    }
    SpArena *arena = sp_arena_new();
    if (arena == NULL) {
        return NULL;
    }
    SpObject *co = NULL;
    SpSymtable *st = NULL;
    SpCompiler c;
    memset(&c, 0, sizeof c);
    c.const_cache.is_consts = 1;
    SpAstMod *mod = sp_parse(arena, src, len, filename, (int)mode, flags, incomplete);
    if (mod == NULL) {
        goto done;
    }
    if (future_scan(mod, filename, src, len, &c.future_lineno, &c.future_annotations) < 0 ||
        sp_fold_constants(mod, arena, c.future_annotations) < 0) {
        goto done;
    }
    st = sp_symtable_build(mod, filename, src, len, c.future_annotations);
    if (st == NULL) {
        goto done;
    }
    c.filename = filename;
    c.src = src;
    c.srclen = len;
    c.st = st;
    c.arena = arena;
    c.mod = mod;
    c.flags = flags;
    co = sp_codegen_module(&c, mod);
done:
    sp_objlist_free(&c.const_cache);
    sp_symtable_free(st);
    sp_arena_free(arena);
    return co;
}
